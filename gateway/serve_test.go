package gateway

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeCert writes a self-signed certificate for 127.0.0.1 and its key.
func writeCert(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "gateway test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	require.NoError(t, os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600))
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestServeSpeaksHTTPSWithTheGivenCertificate(t *testing.T) {
	// given a gateway served with a certificate
	r := newRig(t, Config{})
	r.gw.cfg.Now = time.Now
	cert, key, pool := writeCert(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrs := make(chan string, 1)
	go func() {
		_ = Serve(ctx, r.gw, ServeOptions{Listen: "127.0.0.1:0", CertFile: cert, KeyFile: key}, func(a string) { addrs <- a })
	}()
	addr := <-addrs
	// when KooGallery calls it over TLS, verifying the certificate
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	body := newInstanceBody("CSTLS1")
	q := signedQuery(testKey, []byte(body), time.Now(), nextNonce())
	resp, err := client.Post("https://"+addr+ProducePath+"?"+q.Encode(), "application/json", strings.NewReader(body))
	// then the call went through
	require.NoError(t, err)
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	assert.Contains(t, string(data), `"000000"`)
	// and plain http on the same port is not served
	plain, err := http.Post("http://"+addr+ProducePath+"?"+q.Encode(), "application/json", strings.NewReader(body))
	if err == nil {
		defer plain.Body.Close()
		assert.Equal(t, http.StatusBadRequest, plain.StatusCode)
	}
}

func TestPlainHTTPIsRefusedOffLoopback(t *testing.T) {
	for _, listen := range []string{"0.0.0.0:8443", "192.0.2.10:443", ":443"} {
		err := ServeOptions{Listen: listen}.CheckListen()
		assert.ErrorContains(t, err, "plain http only on loopback", listen)
	}
	assert.NoError(t, ServeOptions{Listen: "127.0.0.1:8443"}.CheckListen())
	assert.NoError(t, ServeOptions{Listen: "[::1]:8443"}.CheckListen())
	assert.NoError(t, ServeOptions{Listen: "0.0.0.0:8443", CertFile: "c", KeyFile: "k"}.CheckListen())
	assert.Error(t, ServeOptions{Listen: "0.0.0.0:8443", CertFile: "c"}.CheckListen())
}
