package world

import "math/rand/v2"

// AccountCred is one sandbox account and its credentials. The keys are
// sandbox keys, printed freely; they are not secrets.
type AccountCred struct {
	ID         string
	Name       string
	Site       string
	AK, SK     string
	SubAccount bool
	Parent     string   // the main account of a sub-account
	Products   []string // product IDs delegated to a sub-account
}

// account is an AccountCred plus what the generator needs.
type account struct {
	AccountCred
	currency string
	english  bool
	catalog  []product
	weight   float64 // share of the generated records
}

// Site hosts, as the marketplace names them.
const (
	SiteChina = "mkt.myhuaweicloud.com"
	SiteIntl  = "mkt-intl.myhuaweicloud.com"
)

// Fixed account IDs, so tests and demos can name them.
const (
	AccountMain = "cn-main-0001"
	AccountSub  = "cn-sub-0001"
	AccountIntl = "intl-0001"
)

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func randKey(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

// makeAccounts builds the three accounts with keys derived from the seed.
func makeAccounts(seed uint64) []*account {
	r := rand.New(rand.NewPCG(seed, 0x5eed_acc0))
	cn := chinaCatalog()
	var mainProducts, subProducts []product
	for _, p := range cn {
		if p.delegated {
			subProducts = append(subProducts, p)
		} else {
			mainProducts = append(mainProducts, p)
		}
	}
	sk := "abcdefghijklmnopqrstuvwxyz" + keyAlphabet
	main := &account{AccountCred: AccountCred{ID: AccountMain, Name: "杭州云栖数智科技有限公司", Site: SiteChina,
		AK: randKey(r, 20, keyAlphabet), SK: randKey(r, 40, sk)},
		currency: "CNY", catalog: mainProducts, weight: 0.6}
	sub := &account{AccountCred: AccountCred{ID: AccountSub, Name: "杭州云栖数智科技有限公司 / 客服二组", Site: SiteChina,
		AK: randKey(r, 20, keyAlphabet), SK: randKey(r, 40, sk), SubAccount: true, Parent: AccountMain,
		Products: productIDs(subProducts)},
		currency: "CNY", catalog: subProducts, weight: 0.15}
	intl := &account{AccountCred: AccountCred{ID: AccountIntl, Name: "Lumen Data Pte. Ltd.", Site: SiteIntl,
		AK: randKey(r, 20, keyAlphabet), SK: randKey(r, 40, sk)},
		currency: "USD", english: true, catalog: intlCatalog(), weight: 0.25}
	return []*account{main, sub, intl}
}

func productIDs(ps []product) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.id
	}
	return ids
}
