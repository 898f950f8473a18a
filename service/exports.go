package service

import (
	"context"
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/reports"
	"github.com/koogallery/merchant-console/service/export"
)

// ExportRequest is one report to write from an account's cache
// (export.Request: kind, period, statuses, picked IDs, format, language,
// zone, output and progress).
type ExportRequest = export.Request

// Export writes a report from an open account's cache.
func (s *Service) Export(ctx context.Context, name string, req ExportRequest) (reports.Result, error) {
	a, err := s.cachedAccount(name)
	if err != nil {
		return reports.Result{}, fmt.Errorf("export: %w", err)
	}
	return export.Write(ctx, a.store, a.info.Label, export.Dir(s.paths), s.Now(), req)
}

// ExportKinds names the exportable resources, sorted.
func ExportKinds() []string { return export.Kinds() }

// ParseStatuses reads comma-separated statuses of a kind: marketplace
// values (PROCESSING) or labels in either language (处理中, Processing).
func ParseStatuses(res domain.Resource, s string) ([]string, error) {
	return export.ParseStatuses(res, s)
}

// LocalZone is the machine's time zone under its IANA name (Asia/Shanghai),
// so a report says which zone its dates are in (export.LocalZone).
func LocalZone() *time.Location { return export.LocalZone() }
