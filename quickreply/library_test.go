package quickreply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeJSON(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "set.json")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

const goodSet = `{"schema":"merchant-console/quick-replies","version":1,"name":"售后组","replies":[
 {"title":"问候","category":"开场","text":"{customer}您好"},
 {"id":"r2","title":"结束语","category":"结束","text":"感谢您的耐心"}]}`

func TestPersonalEditsSurviveAReopenInAPrivateFile(t *testing.T) {
	// given an empty library
	dir := t.TempDir()
	lib := Open(dir)

	// when a reply is added, another added and edited, the first deleted
	a, err := lib.Add(Reply{Title: "问候", Category: "开场", Text: "您好"})
	require.NoError(t, err)
	b, err := lib.Add(Reply{Title: "截图", Category: "排查", Text: "请截图"})
	require.NoError(t, err)
	b.Text = "请提供截图和时间"
	require.NoError(t, lib.Update(b))
	require.NoError(t, lib.Delete(a.ID))

	// then a fresh library on the same folder reads exactly the edited one, from a 0600 file
	got, err := Open(dir).Personal()
	require.NoError(t, err)
	assert.Equal(t, []Reply{b}, got)
	st, err := os.Stat(filepath.Join(dir, PersonalFile))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}

func TestPersonalEditsRefuseDuplicatesAndUnknownIDs(t *testing.T) {
	// given a personal reply
	lib := Open(t.TempDir())
	a, err := lib.Add(Reply{Title: "问候", Category: "开场", Text: "您好"})
	require.NoError(t, err)

	// when the same category and title (other case and spaces) is added, or a missing ID edited
	_, dup := lib.Add(Reply{Title: " 问候 ", Category: "开场", Text: "again"})
	missing := lib.Update(Reply{ID: "nope", Title: "x", Text: "y"})
	_, empty := lib.Add(Reply{Title: "空", Text: "  "})

	// then each is refused and the set is unchanged
	assert.ErrorIs(t, dup, ErrDuplicate)
	assert.ErrorIs(t, missing, ErrNotFound)
	assert.ErrorContains(t, empty, "text is empty")
	got, err := lib.Personal()
	require.NoError(t, err)
	assert.Equal(t, []Reply{a}, got)
}

func TestADamagedPersonalFileIsReportedAndNeverOverwritten(t *testing.T) {
	// given a personal file cut off in the middle
	dir := t.TempDir()
	path := filepath.Join(dir, PersonalFile)
	broken := []byte(`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"title":"问`)
	require.NoError(t, os.WriteFile(path, broken, 0o600))
	lib := Open(dir)

	// when it is listed and an edit is tried
	entries, errs := lib.List("zh")
	_, addErr := lib.Add(Reply{Title: "新", Text: "新的"})

	// then the damage is reported, the examples still list, and the file is as it was
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrBadFile)
	assert.NotEmpty(t, entries)
	assert.ErrorIs(t, addErr, ErrBadFile)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, broken, after)
}

func TestImportMergesByCategoryAndTitleFollowingThePolicy(t *testing.T) {
	// given a personal 问候 with other words, and a file with 问候 and 结束语
	for name, tc := range map[string]struct {
		policy Conflict
		want   ImportResult
		text   string
	}{
		"keep mine":   {KeepMine, ImportResult{Added: 1, Skipped: 1}, "您好呀"},
		"take theirs": {TakeTheirs, ImportResult{Added: 1, Replaced: 1}, "{customer}您好"},
	} {
		t.Run(name, func(t *testing.T) {
			lib := Open(t.TempDir())
			mine, err := lib.Add(Reply{Title: "问候", Category: "开场", Text: "您好呀"})
			require.NoError(t, err)

			// when the file is imported
			res, err := lib.ImportPersonal(writeJSON(t, goodSet), tc.policy)

			// then one reply is added and the clash follows the policy, keeping its ID
			require.NoError(t, err)
			assert.Equal(t, tc.want, res)
			got, err := lib.Personal()
			require.NoError(t, err)
			require.Len(t, got, 2)
			assert.Equal(t, mine.ID, got[0].ID)
			assert.Equal(t, tc.text, got[0].Text)
			// and importing it again changes nothing more
			again, err := lib.ImportPersonal(writeJSON(t, goodSet), tc.policy)
			require.NoError(t, err)
			assert.Equal(t, ImportResult{Skipped: 2}, again)
		})
	}
}

func TestBadFilesAreRefusedAndChangeNothing(t *testing.T) {
	long := strings.Repeat("长", MaxTitle+1)
	many := `{"schema":"merchant-console/quick-replies","version":1,"replies":[` +
		strings.TrimSuffix(strings.Repeat(`{"title":"t","text":"x"},`, MaxReplies+1), ",") + `]}`
	cases := map[string]struct{ body, says string }{
		"not JSON":        {`问候,您好`, "invalid character"},
		"cut off":         {goodSet[:40], "unexpected EOF"},
		"other schema":    {`{"schema":"macros","version":1,"replies":[]}`, `schema is "macros"`},
		"newer version":   {`{"schema":"merchant-console/quick-replies","version":2,"replies":[]}`, "update the console"},
		"unknown field":   {`{"schema":"merchant-console/quick-replies","version":1,"replies":[],"script":"rm"}`, `unknown field "script"`},
		"trailing data":   {goodSet + `{"x":1}`, "data after the end"},
		"duplicate":       {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"title":"A","text":"1"},{"title":"a","text":"2"}]}`, "replies 1 and 2 are both"},
		"duplicate id":    {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"id":"x","title":"A","text":"1"},{"id":"x","title":"B","text":"2"}]}`, "same id"},
		"empty text":      {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"title":"A","text":" "}]}`, "reply 1: text is empty"},
		"long title":      {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"title":"` + long + `","text":"x"}]}`, "longer than 100"},
		"control":         {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"title":"A\u001b[2J","text":"x"}]}`, "control character"},
		"hostile id":      {`{"schema":"merchant-console/quick-replies","version":1,"replies":[{"id":"../../x","title":"A","text":"x"}]}`, "id"},
		"too many":        {many, "at most 2000"},
		"too big":         {`{"schema":"merchant-console/quick-replies","version":1,"name":"` + strings.Repeat("x", MaxFileBytes) + `"}`, "larger than"},
		"replies not set": {`{"schema":"merchant-console/quick-replies","version":1,"replies":{"a":1}}`, "cannot unmarshal"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			// given a personal set and a bad file
			dir := t.TempDir()
			lib := Open(dir)
			_, err := lib.Add(Reply{Title: "问候", Text: "您好"})
			require.NoError(t, err)
			before, err := os.ReadFile(filepath.Join(dir, PersonalFile))
			require.NoError(t, err)

			// when it is imported as personal and as shared
			_, perr := lib.ImportPersonal(writeJSON(t, tc.body), TakeTheirs)
			_, _, serr := lib.ImportShared(writeJSON(t, tc.body))

			// then both are refused, saying why, and nothing changed on disk
			for _, err := range []error{perr, serr} {
				require.ErrorIs(t, err, ErrBadFile)
				assert.ErrorContains(t, err, tc.says)
			}
			after, err := os.ReadFile(filepath.Join(dir, PersonalFile))
			require.NoError(t, err)
			assert.Equal(t, before, after)
			_, err = os.Stat(lib.SharedFolder())
			assert.ErrorIs(t, err, os.ErrNotExist)
		})
	}
}

func TestASharedSetIsImportedListedAndABadOneDoesNotHideIt(t *testing.T) {
	// given a library with one personal reply, a team's set imported, and a
	// broken file dropped in the shared folder by hand
	lib := Open(t.TempDir())
	_, err := lib.Add(Reply{Title: "我的问候", Category: "开场", Text: "hi"})
	require.NoError(t, err)
	name, n, err := lib.ImportShared(writeJSON(t, goodSet))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(lib.SharedFolder(), "broken.json"), []byte("{"), 0o600))

	// when everything is listed in English
	entries, errs := lib.List("en")

	// then personal, shared and English examples are there, and the broken file is named
	assert.Equal(t, "售后组", name)
	assert.Equal(t, 2, n)
	count := map[Scope]int{}
	for _, e := range entries {
		count[e.Scope]++
		if e.Scope == ScopeShared {
			assert.Equal(t, "售后组", e.Source)
			assert.False(t, e.Editable())
		}
	}
	assert.Equal(t, map[Scope]int{ScopePersonal: 1, ScopeShared: 2, ScopeExample: 8}, count)
	require.Len(t, errs, 1)
	assert.ErrorContains(t, errs[0], "broken.json")
	sets, _ := lib.SharedSets()
	require.Len(t, sets, 1)
	require.NoError(t, lib.RemoveShared(sets[0].File))
	assert.Error(t, lib.RemoveShared("../"+PersonalFile), "only files of the shared folder")
}

func TestExportThenImportGivesTheSameSet(t *testing.T) {
	// given a personal set
	lib := Open(t.TempDir())
	_, err := lib.Add(Reply{Title: "问候", Category: "开场", Text: "{customer}您好\n第二行"})
	require.NoError(t, err)
	_, err = lib.Add(Reply{Title: "Thanks", Text: "Regards, {agent}"})
	require.NoError(t, err)
	want, err := lib.Personal()
	require.NoError(t, err)

	// when it is exported and imported into an empty library
	out := filepath.Join(t.TempDir(), "mine.json")
	n, err := lib.ExportPersonal(out, "小李的短语")
	require.NoError(t, err)
	other := Open(t.TempDir())
	res, err := other.ImportPersonal(out, KeepMine)
	require.NoError(t, err)

	// then the other library holds the same replies, IDs included, and the file is private
	assert.Equal(t, 2, n)
	assert.Equal(t, ImportResult{Added: 2}, res)
	got, err := other.Personal()
	require.NoError(t, err)
	assert.Equal(t, want, got)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
}

func TestShippedExamplesUseOnlyKnownVariables(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		// given the shipped set
		rs, err := Examples(lang)
		require.NoError(t, err)
		require.NotEmpty(t, rs)
		for _, r := range rs {
			// when it is expanded with every value known
			got := Expand(r.Text, Values{VarCustomer: "c", VarOrder: "o", VarProduct: "p", VarAgent: "a"})
			// then nothing is left over
			assert.True(t, got.Complete(), "%s %s: %v", lang, r.Title, got.Unknown)
		}
	}
}
