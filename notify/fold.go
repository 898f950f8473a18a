package notify

// foldSLAIntoReplies makes one customer reply one popup: a reply resumes
// the ticket's SLA clock, so the same sync often finds its SLA warning too,
// and the merchant got "Customer replied" and "Ticket SLA near breach" for
// one message. The warning rides on the reply (its key logged and covered,
// its urgency kept, its state in the body) instead of popping on its own.
func foldSLAIntoReplies(evs []event) []event {
	replies := map[string]int{} // account + record → index of its reply
	for i, ev := range evs {
		if ev.kind == KindCustomerReplied {
			replies[ev.account+"\x00"+ev.recordID] = i
		}
	}
	if len(replies) == 0 {
		return evs
	}
	out := evs[:0:0]
	for _, ev := range evs {
		if ev.kind == KindTicketSLA {
			if i, ok := replies[ev.account+"\x00"+ev.recordID]; ok {
				sla := ev
				evs[i].folded = &sla
				continue
			}
		}
		out = append(out, ev)
	}
	for i, ev := range out { // pick up the folds made after the reply was copied
		if ev.kind == KindCustomerReplied {
			out[i].folded = evs[replies[ev.account+"\x00"+ev.recordID]].folded
		}
	}
	return out
}
