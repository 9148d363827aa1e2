#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
/// OPENSSL_free is a function-like macro Swift cannot import.
static inline void copenssl_free(void *p) { OPENSSL_free(p); }
#endif
