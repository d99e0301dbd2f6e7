// Small owning wrappers for libclang's C handles.
#pragma once

#include "parsers/headers/libclang_api.h"

#include <string>

namespace manaudit::headers {

/// Takes a CXString, returns it as std::string and disposes of it.
inline std::string take_string(CXString s) {
    const char* c = libclang().clang_getCString(s);
    std::string out = c ? c : "";
    libclang().clang_disposeString(s);
    return out;
}

class Index {
public:
    Index() : index_(libclang().clang_createIndex(0, 0)) {}
    ~Index() { libclang().clang_disposeIndex(index_); }
    Index(const Index&) = delete;
    Index& operator=(const Index&) = delete;
    CXIndex get() const { return index_; }

private:
    CXIndex index_;
};

class TranslationUnit {
public:
    TranslationUnit() = default;
    ~TranslationUnit() { reset(); }
    TranslationUnit(const TranslationUnit&) = delete;
    TranslationUnit& operator=(const TranslationUnit&) = delete;
    CXTranslationUnit* out() { reset(); return &tu_; }
    CXTranslationUnit get() const { return tu_; }
    void reset() {
        if (tu_) libclang().clang_disposeTranslationUnit(tu_);
        tu_ = nullptr;
    }

private:
    CXTranslationUnit tu_ = nullptr;
};

}  // namespace manaudit::headers
