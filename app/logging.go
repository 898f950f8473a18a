package app

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/koogallery/merchant-console/credentials"
)

// Log rotation: the file is rotated at start when larger than maxLogSize;
// keepLogs old files are kept (console.log.1 … console.log.3).
const (
	logName    = "console.log"
	maxLogSize = 5 << 20
	keepLogs   = 3
)

// redactingWriter passes whole lines through credentials.Redact before they
// reach the file, so an AK/SK never lands in a log whoever logged it (our
// code, Fyne, a library's error text).
type redactingWriter struct {
	mu  sync.Mutex
	out io.Writer
	buf []byte
}

func (w *redactingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := credentials.Redact(string(w.buf[:i+1]))
		w.buf = w.buf[i+1:]
		if _, err := io.WriteString(w.out, line); err != nil {
			return len(p), err
		}
	}
}

// logSink is the open log: the file, the redacting writer over it and
// anything else that wants a copy (stderr, a smoke test's buffer).
type logSink struct {
	file   *os.File
	path   string
	writer io.Writer
	logger *slog.Logger
}

// openLog rotates and opens the log in dir, and routes the standard
// logger (which Fyne writes to) through the same redaction.
func openLog(dir string, extra io.Writer) (*logSink, error) {
	path := filepath.Join(dir, logName)
	if err := rotate(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open log %s: %w", path, err)
	}
	sinks := []io.Writer{f}
	if extra != nil {
		sinks = append(sinks, extra)
	}
	w := &redactingWriter{out: io.MultiWriter(sinks...)}
	log.SetOutput(w)
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	logger := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(logger)
	return &logSink{file: f, path: path, writer: w, logger: logger}, nil
}

func (l *logSink) Close() error {
	log.SetOutput(os.Stderr)
	return l.file.Close()
}

// rotate shifts console.log → .1 → .2 … when the current file is too big.
func rotate(path string) error {
	st, err := os.Stat(path)
	if err != nil || st.Size() < maxLogSize {
		return nil // nothing to rotate (or nothing there yet)
	}
	for i := keepLogs - 1; i >= 1; i-- {
		from := fmt.Sprintf("%s.%d", path, i)
		if _, err := os.Stat(from); err == nil {
			if err := os.Rename(from, fmt.Sprintf("%s.%d", path, i+1)); err != nil {
				return fmt.Errorf("rotate log: %w", err)
			}
		}
	}
	if err := os.Rename(path, path+".1"); err != nil {
		return fmt.Errorf("rotate log: %w", err)
	}
	return nil
}
