package localstore

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// fillAll sets every field of v (a pointer) to a non-zero value, recursing
// into structs, slices (two elements) and pointers, so a field added to a
// record type later and forgotten by its binary codec fails the round trip.
func fillAll(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fillAll(v.Elem(), seed)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			at := time.Date(2026, 11, 1, 9, 30, 15, 123456789, time.FixedZone("", 8*3600))
			v.Set(reflect.ValueOf(at.Add(time.Duration(seed) * time.Hour)))
			return
		}
		for i := range v.NumField() {
			fillAll(v.Field(i), seed*31+i+1)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillAll(v.Index(i), seed*7+i+1)
		}
	case reflect.String:
		v.SetString(fmt.Sprintf("值-%d", seed))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(seed*1000 + 7))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(seed) + 0.25)
	default:
		panic(fmt.Sprintf("fillAll: no rule for %s", v.Type()))
	}
}

// filled returns a record of type T with every field set.
func filled[T domain.Record]() domain.Record {
	var v T
	fillAll(reflect.ValueOf(&v), 1)
	reflect.ValueOf(&v).Elem().FieldByName("Meta").Set(reflect.ValueOf(
		domain.Meta{ID: "ID-1", Account: testAccount, Version: 9, UpdatedAt: baseTime}))
	return v
}

var allKinds = []func() domain.Record{
	filled[domain.Order], filled[domain.Ticket], filled[domain.SupervisionTask], filled[domain.InterfaceAlert],
	filled[domain.Bill], filled[domain.TransactionDetail], filled[domain.Message],
}

func TestBinaryCodecs_EveryFieldRoundTrips(t *testing.T) {
	for _, mk := range allKinds {
		rec := mk()
		t.Run(string(rec.Resource()), func(t *testing.T) {
			// given a record of the kind with every field set
			c, err := codecFor(rec.Resource())
			require.NoError(t, err)

			// when it is prepared for storing and decoded back
			p, err := c.prepare(rec, testAccount)
			require.NoError(t, err)
			got, err := c.decode(p.data)

			// then it is stored in the binary encoding and comes back equal
			require.NoError(t, err)
			assert.Equal(t, encBinary, p.data[0])
			assert.Equal(t, rec, got)
		})
	}
}

func TestBinaryCodecs_OldJSONRowsStillDecode(t *testing.T) {
	for _, mk := range allKinds {
		rec := mk()
		t.Run(string(rec.Resource()), func(t *testing.T) {
			// given a row written by an older version, as tagged JSON
			c, err := codecFor(rec.Resource())
			require.NoError(t, err)
			js, err := json.Marshal(rec)
			require.NoError(t, err)

			// when it is decoded
			got, err := c.decode(append([]byte{encJSON}, js...))

			// then it reads as the same record (compared through JSON: zones differ in form only)
			require.NoError(t, err)
			gotJS, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, string(js), string(gotJS))
		})
	}
}

func TestBinaryCodecs_EveryKindRejectsTruncatedData(t *testing.T) {
	for _, mk := range allKinds {
		rec := mk()
		t.Run(string(rec.Resource()), func(t *testing.T) {
			c, err := codecFor(rec.Resource())
			require.NoError(t, err)
			p, err := c.prepare(rec, testAccount)
			require.NoError(t, err)
			for _, n := range []int{0, 1, 2, len(p.data) / 3, len(p.data) / 2, len(p.data) - 1} {
				_, err := c.decode(p.data[:n])
				assert.Error(t, err, "cut at %d of %d", n, len(p.data))
			}
		})
	}
}

func TestBinaryCodecs_BillKeepsNilAndEmptyLinesApart(t *testing.T) {
	c, err := codecFor(domain.ResBills)
	require.NoError(t, err)
	for _, lines := range [][]domain.BillLine{nil, {}} {
		b := domain.Bill{Meta: domain.Meta{ID: "B1", Account: testAccount}, Lines: lines}
		p, err := c.prepare(b, testAccount)
		require.NoError(t, err)
		got, err := c.decode(p.data)
		require.NoError(t, err)
		assert.Equal(t, b, got)
	}
}
