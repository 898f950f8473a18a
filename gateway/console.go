package gateway

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// maxSkewConsole is the APIG date skew accepted from consoles (docs/api.md).
const maxSkewConsole = 15 * time.Minute

// console serves docs/api.md's contract for the resources in Served.
func (g *Gateway) console(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, marketapi.MaxRequestBody+1))
	if err != nil || len(body) > marketapi.MaxRequestBody {
		envelope(w, marketapi.CodeBadValue, "", "请求体过大 / body over 64 KiB")
		return
	}
	if g.cfg.Keys == nil {
		envelope(w, marketapi.CodeAuthFailed, "", "no agent keys configured")
		return
	}
	if _, err := apig.Verify(r, body, g.cfg.Keys.Secret, g.cfg.Now(), maxSkewConsole); err != nil {
		envelope(w, marketapi.CodeAuthFailed, "", "签名无效 / signature rejected: "+err.Error())
		return
	}
	if r.URL.Path == marketapi.WhoAmIPath && r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, marketapi.WhoAmI{Envelope: okEnvelope(), AccountID: g.cfg.Account,
			AccountName: g.cfg.Account, Site: string(config.SiteCustom), Serves: Served})
		return
	}
	res, id, action, ok := marketapi.ParseSellerPath(r.URL.EscapedPath())
	switch {
	case !ok:
		envelope(w, marketapi.CodeBadRequest, "", "未知接口 / unknown endpoint "+r.URL.Path)
	case !slices.Contains(Served, res):
		w.Header().Set("X-Not-Served", string(res))
		writeJSON(w, http.StatusNotFound, marketapi.Envelope{ResultCode: marketapi.CodeBadRequest,
			ResultMsg: "本网关不提供 " + string(res) + " / " + string(res) + " is not served by this gateway (see whoami serves)"})
	case id == "" && r.Method == http.MethodGet:
		g.changes(w, r, res)
	case action == "" && r.Method == http.MethodGet:
		g.detail(w, res, id)
	case action != "" && r.Method == http.MethodPost:
		g.act(w, r, res, id, action)
	default:
		envelope(w, marketapi.CodeBadRequest, "", "不支持的方法 / method not allowed")
	}
}

// changes answers one page of a resource's changes.
func (g *Gateway) changes(w http.ResponseWriter, r *http.Request, res domain.Resource) {
	q := r.URL.Query()
	limit := marketapi.DefaultPageSize
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			envelope(w, marketapi.CodeBadParam, "", "limit 必须是正整数 / limit must be a positive integer")
			return
		}
		limit = min(n, marketapi.MaxPageSize)
	}
	after, err := parseCursor(q.Get("cursor"), res)
	if err != nil {
		envelope(w, marketapi.CodeBadValue, "", "游标无效 / unknown or malformed cursor")
		return
	}
	p, err := g.cfg.Store.Changes(res, after, limit)
	if err != nil {
		envelope(w, marketapi.CodeInternal, "", err.Error())
		return
	}
	items := p.Items
	if items == nil {
		items = []json.RawMessage{}
	}
	writeJSON(w, http.StatusOK, marketapi.ChangesPage[json.RawMessage]{Envelope: okEnvelope(), Items: items,
		Removed: []domain.Tombstone{}, NextCursor: cursorFor(res, p.Last), HasMore: p.HasMore, Total: p.Total})
}

// Cursors are "gw1.<resource>.<version>": the version the client holds up to.
func cursorFor(res domain.Resource, v uint64) string { return fmt.Sprintf("gw1.%s.%d", res, v) }

func parseCursor(c string, res domain.Resource) (uint64, error) {
	if c == "" {
		return 0, nil
	}
	rest, ok := strings.CutPrefix(c, "gw1."+string(res)+".")
	if !ok {
		return 0, fmt.Errorf("cursor %q is not of %s", c, res)
	}
	return strconv.ParseUint(rest, 10, 64)
}

func (g *Gateway) detail(w http.ResponseWriter, res domain.Resource, id string) {
	var rec json.RawMessage
	ok, err := g.cfg.Store.Get(res, id, &rec)
	switch {
	case err != nil:
		envelope(w, marketapi.CodeInternal, "", err.Error())
	case !ok:
		envelope(w, marketapi.CodeNotFound, "", string(res)+" "+id+" 不存在 / not found")
	default:
		writeJSON(w, http.StatusOK, marketapi.Detail[json.RawMessage]{Envelope: okEnvelope(), Data: rec})
	}
}

func okEnvelope() marketapi.Envelope {
	return marketapi.Envelope{ResultCode: marketapi.CodeOK, ResultMsg: "success"}
}

// envelope answers a marketplace result code with its HTTP status.
func envelope(w http.ResponseWriter, code, reason, msg string) {
	writeJSON(w, marketapi.HTTPStatusFor(code, reason), marketapi.Envelope{ResultCode: code, ResultMsg: msg, Reason: reason})
}
