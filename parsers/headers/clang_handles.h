// Small owning wrappers for libclang's C handles.
#pragma once

#include <clang-c/Index.h>

#include <string>

namespace manaudit::headers {

/// Takes a CXString, returns it as std::string and disposes of it.
inline std::string take_string(CXString s) {
    const char* c = clang_getCString(s);
    std::string out = c ? c : "";
    clang_disposeString(s);
    return out;
}

class Index {
public:
    Index() : index_(clang_createIndex(0, 0)) {}
    ~Index() { clang_disposeIndex(index_); }
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
        if (tu_) clang_disposeTranslationUnit(tu_);
        tu_ = nullptr;
    }

private:
    CXTranslationUnit tu_ = nullptr;
};

}  // namespace manaudit::headers
