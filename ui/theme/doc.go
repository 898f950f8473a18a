// Package theme is the console's look: Fyne's default colours with a
// forced light or dark variant, and the embedded CJK font for the text
// styles that show Chinese.
package theme
