//go:build unix

package localstore

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user + system, all
// threads, GC included). Benchmarks report it beside wall time because
// other work sharing the machine's cores stretches wall time, not CPU time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadCPU is the CPU time of the calling OS thread (Linux's
// RUSAGE_THREAD; 0 where the call is refused).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
