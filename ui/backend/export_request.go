package backend

import (
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// ExportRequest is what the export form asks the backend for.
type ExportRequest struct {
	Kind     domain.Resource
	From, To time.Time // To is inclusive: the whole last day
	Statuses []string  // empty: every status
	IDs      []string  // when given: exactly these records (a list's selection)
	Format   string    // "xlsx" or "csv"
	Language string    // "zh-Hans" or "en"
}
