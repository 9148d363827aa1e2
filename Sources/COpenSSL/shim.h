#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
/// OPENSSL_free is a function-like macro Swift cannot import.
static inline void copenssl_free(void *p) { OPENSSL_free(p); }

/// EVP_CIPHER_CTX_ctrl takes `void *`; these name the three GCM controls Kompas uses so the
/// Swift side never passes the raw control numbers (EVP_CTRL_* are macros in OpenSSL 3).
static inline int copenssl_gcm_set_ivlen(EVP_CIPHER_CTX *ctx, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, len, NULL);
}
static inline int copenssl_gcm_get_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, len, tag);
}
static inline int copenssl_gcm_set_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, len, tag);
}

/// TLS client helpers (kompas sync over https). SSL_CTX_set_min_proto_version and
/// SSL_set_tlsext_host_name are macros Swift cannot import.
static inline int copenssl_ctx_min_tls12(SSL_CTX *ctx) {
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}
static inline int copenssl_set_sni(SSL *ssl, const char *host) {
    return SSL_set_tlsext_host_name(ssl, host);
}
#endif
