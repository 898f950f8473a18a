package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/sandbox/rules"
)

func (s *Server) route(out *responder, r *http.Request, acct string, body []byte) {
	p := r.URL.Path
	switch {
	case p == marketapi.WhoAmIPath && r.Method == http.MethodGet:
		s.whoami(out, acct)
	case p == marketapi.OrderQueryPath && r.Method == http.MethodGet:
		s.orderQuery(out, r, acct)
	case r.Method == http.MethodGet && isAttachmentPath(r):
		tid, aid, _ := marketapi.ParseAttachmentPath(r.URL.EscapedPath())
		s.attachment(out, acct, tid, aid)
	case strings.HasPrefix(p, marketapi.SellerPrefix+"/"):
		s.seller(out, r, acct, body)
	default:
		out.envelope(http.StatusNotFound, marketapi.CodeBadRequest, "未知接口 / unknown endpoint "+p)
	}
}

func (s *Server) seller(out *responder, r *http.Request, acct string, body []byte) {
	res, id, action, ok := marketapi.ParseSellerPath(r.URL.EscapedPath())
	switch {
	case !ok:
		out.envelope(http.StatusNotFound, marketapi.CodeBadRequest, "未知接口 / unknown endpoint "+r.URL.Path)
	case id == "" && r.Method == http.MethodGet:
		s.changes(out, r, acct, res)
	case action == "" && r.Method == http.MethodGet:
		s.detail(out, acct, res, id)
	case action != "" && r.Method == http.MethodPost:
		s.action(out, r, acct, res, id, action, body)
	default:
		out.envelope(http.StatusMethodNotAllowed, marketapi.CodeBadRequest, "不支持的方法 / method not allowed")
	}
}

func (s *Server) whoami(out *responder, acct string) {
	a, _ := s.w.Account(acct)
	out.json(http.StatusOK, marketapi.WhoAmI{Envelope: okEnvelope(), AccountID: a.ID, AccountName: a.Name,
		Site: a.Site, SubAccount: a.SubAccount, Products: a.Products})
}

// pageLimit reads limit: default 500, at most 1000, a positive integer.
func pageLimit(v string) (int, *rules.Refusal) {
	if v == "" {
		return marketapi.DefaultPageSize, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, rules.BadParam("limit 必须是正整数 / limit must be a positive integer")
	}
	return min(n, marketapi.MaxPageSize), nil
}

func (s *Server) changes(out *responder, r *http.Request, acct string, res domain.Resource) {
	q := r.URL.Query()
	limit, rf := pageLimit(q.Get("limit"))
	if rf != nil {
		out.refusal(rf)
		return
	}
	page, rf := s.page(acct, res, q.Get("cursor"), limit)
	if rf != nil {
		out.refusal(rf)
		return
	}
	out.json(http.StatusOK, page)
}

// page reads one page of changes under the world's lock, the cursor
// checked against the account's sequence there; encoding happens outside.
func (s *Server) page(acct string, res domain.Resource, cursor string, limit int) (marketapi.ChangesPage[domain.Record], *rules.Refusal) {
	p, err := s.w.Changes(acct, res, limit, func(seq int64) (int64, error) {
		return decodeCursor(cursor, acct, res, s.epoch, seq)
	})
	if err != nil {
		return marketapi.ChangesPage[domain.Record]{}, rules.BadValue("游标无效 / unknown or malformed cursor")
	}
	next := p.Seq // nothing more up to seq: the client may skip ahead
	if p.More {
		next = p.Last
	}
	return marketapi.ChangesPage[domain.Record]{Envelope: okEnvelope(), Items: p.Items, Removed: p.Removed,
		NextCursor: encodeCursor(acct, res, next, s.epoch), HasMore: p.More, Total: p.Total}, nil
}

func (s *Server) detail(out *responder, acct string, res domain.Resource, id string) {
	rec, ok := s.w.Record(acct, res, id)
	if !ok {
		out.refusal(rules.NotFound(string(res), id))
		return
	}
	out.json(http.StatusOK, marketapi.Detail[domain.Record]{Envelope: okEnvelope(), Data: rec})
}

func (s *Server) action(out *responder, r *http.Request, acct string, res domain.Resource, id string, name domain.ActionName, body []byte) {
	key := strings.TrimSpace(r.Header.Get(marketapi.HeaderIdempotencyKey))
	if key == "" {
		out.refusal(rules.BadParam("缺少 %s / missing %s", marketapi.HeaderIdempotencyKey, marketapi.HeaderIdempotencyKey))
		return
	}
	var p domain.ActionParams
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		if err := dec.Decode(&p); err != nil {
			out.refusal(rules.BadParam("请求体不是合法 JSON / malformed JSON body: %v", err))
			return
		}
	}
	status, body2, replayed := s.w.Act(acct, res, id, name, key, p, s.clock.Now())
	if ar, ok := body2.(marketapi.ActionResult[domain.Record]); ok && replayed {
		ar.Replayed = true
		body2 = ar
	}
	out.json(status, body2)
}
