// Package backend is the contract between the window and the rest of the
// program: Backend, the plain callbacks the app fills in (accounts, caches,
// sync state, outbox, exports, keys), and the values they carry
// (AccountInfo, SyncState, AccountForm, ExportRequest). It holds no widgets,
// so the program never imports Fyne to serve the window.
package backend
