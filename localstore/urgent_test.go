package localstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

func TestUrgentCount_CountsCountdownsInsideHalfAnHourAndOverdue(t *testing.T) {
	// given tickets due in 10 minutes, overdue by an hour, and due in 2 hours, and a completed one
	s := openTemp(t)
	now := baseTime
	soon := ticket("T-soon", 1, domain.TicketProcessing, "a", now.Add(10*time.Minute))
	overdue := ticket("T-late", 1, domain.TicketProcessing, "b", now.Add(-time.Hour))
	later := ticket("T-later", 1, domain.TicketProcessing, "c", now.Add(2*time.Hour))
	done := ticket("T-done", 1, domain.TicketCompleted, "d", now.Add(5*time.Minute))
	_, err := s.ApplyPage(Page{Resource: domain.ResTickets, Items: []domain.Record{soon, overdue, later, done}})
	require.NoError(t, err)

	// when the urgent records are counted
	n, err := s.UrgentCount(now)

	// then the two inside the window count, the distant and the finished do not
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}
