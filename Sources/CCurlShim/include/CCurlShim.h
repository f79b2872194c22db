// Non-variadic wrappers around libcurl's variadic calls, which Swift cannot call directly.
// Each function forwards one call unchanged; all logic stays in Swift (UpstreamClient).
#pragma once
#include <curl/curl.h>
// The curl thread's event loop (epoll set, eventfd wake-ups); Swift's Glibc module does not carry these headers.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>

/// Names the calling thread for profilers and `top -H` (prctl is variadic, which Swift cannot call).
static inline int ccurl_name_current_thread(const char *_Nonnull name) { return prctl(PR_SET_NAME, name, 0, 0, 0); }

typedef size_t (*ccurl_data_callback)(char *_Nonnull data, size_t size, size_t count, void *_Nullable context);

CURLcode ccurl_easy_setopt_long(CURL *_Nonnull handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_off_t(CURL *_Nonnull handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_string(CURL *_Nonnull handle, CURLoption option, const char *_Nullable value);
CURLcode ccurl_easy_setopt_pointer(CURL *_Nonnull handle, CURLoption option, void *_Nullable value);
CURLcode ccurl_easy_setopt_data_callback(CURL *_Nonnull handle, CURLoption option, ccurl_data_callback _Nullable callback);
CURLcode ccurl_easy_getinfo_long(CURL *_Nonnull handle, CURLINFO info, long *_Nonnull value);
CURLcode ccurl_easy_getinfo_pointer(CURL *_Nonnull handle, CURLINFO info, void *_Nullable *_Nonnull value);
CURLMcode ccurl_multi_setopt_long(CURLM *_Nonnull multi, CURLMoption option, long value);
CURLMcode ccurl_multi_setopt_pointer(CURLM *_Nonnull multi, CURLMoption option, void *_Nullable value);

/// CURLMOPT_SOCKETFUNCTION: curl says which of its sockets to watch, and for what.
typedef int (*ccurl_socket_callback)(CURL *_Nonnull easy, curl_socket_t socket, int what, void *_Nullable context, void *_Nullable socketContext);
/// CURLMOPT_TIMERFUNCTION: curl says when to call it back without socket activity (-1: no timer).
typedef int (*ccurl_timer_callback)(CURLM *_Nonnull multi, long timeoutMillis, void *_Nullable context);
CURLMcode ccurl_multi_setopt_socket_callback(CURLM *_Nonnull multi, ccurl_socket_callback _Nullable callback);
CURLMcode ccurl_multi_setopt_timer_callback(CURLM *_Nonnull multi, ccurl_timer_callback _Nullable callback);

/// The result code of a CURLMSG_DONE message (a union member Swift cannot name).
CURLcode ccurl_message_result(const CURLMsg *_Nonnull message);

/// CURL_WRITEFUNC_PAUSE and CURLPAUSE_CONT, which are macros built from other macros.
size_t ccurl_writefunc_pause(void);
int ccurl_pause_continue(void);
