// Measures struct layouts with clang's record layout for the target.
#include "parsers/headers/struct_layouts.h"

#include "parsers/headers/clang_handles.h"

namespace manaudit::headers {

namespace {

struct FieldWalk {
    archdata::StructLayout* layout;
    std::uint64_t base_offset;  ///< bytes, for members of anonymous structs and unions
    std::string prefix;
};

std::uint64_t size_or_zero(CXType type) {
    long long size = libclang().clang_Type_getSizeOf(type);
    return size < 0 ? 0 : static_cast<std::uint64_t>(size);  // flexible arrays have no size
}

CXVisitorResult visit_field(CXCursor field, CXClientData data) {
    auto* walk = static_cast<FieldWalk*>(data);
    CXType type = libclang().clang_getCursorType(field);
    long long offset_bits = libclang().clang_Cursor_getOffsetOfField(field);
    std::uint64_t offset = walk->base_offset + (offset_bits < 0 ? 0 : static_cast<std::uint64_t>(offset_bits) / 8);
    CXCursor type_decl = libclang().clang_getTypeDeclaration(libclang().clang_getCanonicalType(type));
    // C11 anonymous members: their fields belong to the enclosing struct.
    if (libclang().clang_Cursor_isAnonymousRecordDecl(type_decl)) {
        FieldWalk inner{walk->layout, offset, walk->prefix};
        libclang().clang_Type_visitFields(libclang().clang_getCanonicalType(type), visit_field, &inner);
        return CXVisit_Continue;
    }
    archdata::Field f;
    f.name = walk->prefix + take_string(libclang().clang_getCursorSpelling(field));
    f.type = portable_type_spelling(take_string(libclang().clang_getTypeSpelling(type)));
    f.offset = offset;
    f.size = size_or_zero(type);
    if (libclang().clang_Cursor_isBitField(field)) f.bit_width = libclang().clang_getFieldDeclBitWidth(field);
    walk->layout->fields.push_back(std::move(f));
    return CXVisit_Continue;
}

CXChildVisitResult find_packed(CXCursor c, CXCursor, CXClientData data) {
    if (libclang().clang_getCursorKind(c) == CXCursor_PackedAttr) {
        *static_cast<bool*>(data) = true;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

}  // namespace

std::string portable_type_spelling(std::string spelling) {
    // "struct (unnamed at /usr/x/include/asm/stat.h:12:2)" -> "struct (unnamed)"
    for (std::size_t at = spelling.find(" at "); at != std::string::npos; at = spelling.find(" at ", at)) {
        std::size_t close = spelling.find(')', at);
        if (close == std::string::npos) break;
        spelling.erase(at, close - at);
    }
    return spelling;
}

archdata::StructLayout measure_struct(CXCursor decl, const std::string& header, bool approximate) {
    archdata::StructLayout layout;
    CXType type = libclang().clang_getCursorType(decl);
    layout.name = take_string(libclang().clang_getCursorSpelling(decl));
    layout.size = size_or_zero(type);
    long long align = libclang().clang_Type_getAlignOf(type);
    layout.align = align < 0 ? 0 : static_cast<std::uint64_t>(align);
    layout.header = header;
    layout.approximate = approximate;
    libclang().clang_visitChildren(decl, find_packed, &layout.packed);
    FieldWalk walk{&layout, 0, ""};
    libclang().clang_Type_visitFields(type, visit_field, &walk);
    return layout;
}

}  // namespace manaudit::headers
