package cachefile

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// ReleaseMapped drops this process's page-table entries for the cache
// file's memory map (MADV_DONTNEED), so the pages a long scan has read stop
// counting in its resident set: a million-order export read ~500 MB of the
// file through the map and its RSS kept all of it. The kernel keeps the
// pages in its page cache; the next read faults them back from there.
// bbolt maps the file read-only and shared, so no data can change or be
// lost. It must run inside a read transaction: bbolt remaps only under an
// exclusive lock that open readers hold off, so the range found in
// /proc/self/maps stays the file's own while madvise runs.
func ReleaseMapped(tx *bolt.Tx, path string) {
	releases.Add(1)
	fi, err := os.Stat(path)
	if err != nil {
		return
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	inode := []byte(strconv.FormatUint(st.Ino, 10))
	for _, line := range bytes.Split(maps, []byte("\n")) {
		// address perms offset dev inode path
		f := bytes.Fields(line)
		if len(f) < 6 || !bytes.Equal(f[4], inode) || !bytes.HasPrefix(f[1], []byte("r--s")) {
			continue
		}
		lo, hi, ok := bytes.Cut(f[0], []byte("-"))
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(lo), 16, 64)
		end, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
	_ = tx // the caller's open read transaction is what keeps the range valid
}

// madvPopulateRead is MADV_POPULATE_READ (Linux 5.14).
const madvPopulateRead = 0x16

// PopulateMapped maps the file pages under b (a slice of bbolt's map) into
// the process, reading them from disk if they are not cached, in one
// call; on kernels without MADV_POPULATE_READ it touches one byte a page.
// b must stay mapped while it runs (inside a read transaction).
func PopulateMapped(b []byte) {
	if len(b) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(&b[0])) &^ (PageSize - 1)
	end := uintptr(unsafe.Pointer(&b[len(b)-1])) + 1
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateRead); e != 0 {
		TouchPages(b)
	}
}
