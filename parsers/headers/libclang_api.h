// libclang's C functions, loaded with dlopen() at first use so that only the
// commands that read headers pay for loading libclang and libLLVM.
#pragma once

#include <clang-c/Index.h>

#include <string>

#include "base/shared_library.h"

namespace manaudit::headers {

// Every libclang function the extractor calls; one line each.
#define MANAUDIT_LIBCLANG_FUNCTIONS(X)       \
    X(clang_createIndex)                     \
    X(clang_disposeIndex)                    \
    X(clang_parseTranslationUnit2)           \
    X(clang_disposeTranslationUnit)          \
    X(clang_getTranslationUnitCursor)        \
    X(clang_getCString)                      \
    X(clang_disposeString)                   \
    X(clang_getNumDiagnostics)               \
    X(clang_getDiagnostic)                   \
    X(clang_getDiagnosticSeverity)           \
    X(clang_getDiagnosticLocation)           \
    X(clang_getDiagnosticSpelling)           \
    X(clang_disposeDiagnostic)               \
    X(clang_getExpansionLocation)            \
    X(clang_getFileName)                     \
    X(clang_visitChildren)                   \
    X(clang_getCursorKind)                   \
    X(clang_getCursorLocation)               \
    X(clang_getCursorSpelling)               \
    X(clang_getCursorType)                   \
    X(clang_isCursorDefinition)              \
    X(clang_Cursor_isMacroBuiltin)           \
    X(clang_Cursor_isMacroFunctionLike)      \
    X(clang_Cursor_isAnonymousRecordDecl)    \
    X(clang_Cursor_isBitField)               \
    X(clang_Cursor_getOffsetOfField)         \
    X(clang_getFieldDeclBitWidth)            \
    X(clang_getEnumConstantDeclValue)        \
    X(clang_getEnumConstantDeclUnsignedValue) \
    X(clang_getTypeDeclaration)              \
    X(clang_getCanonicalType)                \
    X(clang_getTypeSpelling)                 \
    X(clang_Type_getSizeOf)                  \
    X(clang_Type_getAlignOf)                 \
    X(clang_Type_visitFields)                \
    X(clang_getResultType)                   \
    X(clang_getNumArgTypes)                  \
    X(clang_getArgType)                      \
    X(clang_isFunctionTypeVariadic)

/// Pointers to the functions above, with their declared types and names.
struct LibClang {
    MANAUDIT_LIBCLANG_FUNCTIONS(MANAUDIT_FUNCTION_POINTER)
};

/// The library loaded: MANAUDIT_LIBCLANG from the environment if set, else
/// the libclang found at build time.
std::string libclang_path();

/// Loads libclang once (later calls return the same result). Null when it
/// cannot be loaded or lacks a function; then `error` says why, naming the library.
const LibClang* load_libclang(std::string& error);

/// The loaded functions; only after load_libclang() has succeeded.
const LibClang& libclang();

}  // namespace manaudit::headers
