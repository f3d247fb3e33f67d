// Whether this build runs under AddressSanitizer: gcc says so with __SANITIZE_ADDRESS__, clang
// with __has_feature. Code that must behave differently there (leak reports, address-space
// limits, hang guards) tests OCOP_ADDRESS_SANITIZER.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define OCOP_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OCOP_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef OCOP_ADDRESS_SANITIZER
#define OCOP_ADDRESS_SANITIZER 0
#endif
