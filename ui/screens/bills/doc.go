// Package bills is the Bills screen: monthly bills with their lines and what
// the merchant should do about each status.
package bills
