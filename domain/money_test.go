package domain

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMoneyString(t *testing.T) {
	tests := []struct {
		name string
		m    Money
		want string
	}{
		{"zero", 0, "0.00"},
		{"one fen", 1, "0.01"},
		{"ten fen", 10, "0.10"},
		{"whole yuan", 1200, "12.00"},
		{"yuan and fen", 12345, "123.45"},
		{"negative fen", -5, "-0.05"},
		{"negative refund", -12345, "-123.45"},
		{"largest", math.MaxInt64, "92233720368547758.07"},
		{"most negative", math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// when
			got := tt.m.String()
			// then
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMoneyFloat(t *testing.T) {
	// given amounts a chart or spreadsheet would plot
	tests := []struct {
		m    Money
		want float64
	}{{0, 0}, {12345, 123.45}, {-50, -0.5}, {1, 0.01}}
	for _, tt := range tests {
		t.Run(tt.m.String(), func(t *testing.T) {
			assert.InDelta(t, tt.want, tt.m.Float(), 1e-9)
		})
	}
}

func TestParseMoneyAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Money
	}{
		{"123.45", 12345},
		{"12", 1200},
		{"0", 0},
		{"-0", 0},
		{"-0.5", -50},
		{"1.5", 150},
		{".5", 50},
		{"5.", 500},
		{"-123.45", -12345},
		{"  88.08\t", 8808},
		{"\n-1.01 ", -101},
		{"007.10", 710},
		{"92233720368547758.07", math.MaxInt64}, // the largest amount there is
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			// when
			got, err := ParseMoney(tt.in)
			// then
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseMoneyRejects(t *testing.T) {
	// given inputs a bill reviewer might paste that must not become a silent number
	tests := []struct {
		name string
		in   string
		want string // part of the error a person reads
	}{
		{"empty", "", "no digits"},
		{"blank", "   ", "no digits"},
		{"lone sign", "-", "no digits"},
		{"lone point", ".", "no digits"},
		{"three decimals", "1.234", "two decimals"},
		{"half fen", "-0.005", "two decimals"},
		{"letters", "abc", "digits"},
		{"currency symbol", "¥12.00", "digits"},
		{"thousands separator", "1,234.00", "digits"},
		{"two points", "1.2.3", "digits"},
		{"double minus", "--5", "digits"},
		{"sign after point", "1.-5", "digits"},
		{"plus after point", "1.+5", "digits"},
		{"inner space", "1 000", "digits"},
		{"space after sign", "- 5", "digits"},
		{"exponent", "1e3", "digits"},
		{"overflow", "92233720368547758.08", "out of range"},
		{"huge", "99999999999999999999", "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// when
			_, err := ParseMoney(tt.in)
			// then
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), tt.in, "the error quotes what was typed")
		})
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "1.5", "-0.05", "123.45", " 7 ", ".5", "5.", "--5", "1.-5", "1e3", "92233720368547758.07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ParseMoney(in)
		if err != nil {
			return
		}
		// then the formatted amount reads back to the same amount
		back, err := ParseMoney(m.String())
		require.NoError(t, err, "String() of %q gave %q", in, m.String())
		require.Equal(t, m, back)
	})
}

func TestMoneyFormat_ReadsAsEachLanguageWritesMoney(t *testing.T) {
	assert.Equal(t, "¥75,600.00", Money(7560000).Format("CNY", true))
	assert.Equal(t, "CNY 75,600.00", Money(7560000).Format("CNY", false))
	assert.Equal(t, "CNY 0.05", Money(5).Format("", false), "no currency is the marketplace's CNY")
	assert.Equal(t, "US$-1,234.50", Money(-123450).Format("USD", true))
	assert.Equal(t, "JPY 1,000.00", Money(100000).Format("JPY", true), "a currency without a sign keeps its code")
	assert.Equal(t, "-92,233,720,368,547,758.08", Money(math.MinInt64).Grouped(), "the most negative amount does not overflow")
}
