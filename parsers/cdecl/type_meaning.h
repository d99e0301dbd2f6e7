// A C type's meaning as a comparable string: typedef names resolved through a
// lookup, and every spelling difference the compiler ignores taken out.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::cdecl {

/// Looks up a typedef name's canonical type; null when unknown.
using TypedefLookup = std::function<const std::string*(const std::string&)>;

struct TypeMeaning {
    std::string text;       ///< comparable form: "const char *", "unsigned long"
    bool resolved = true;   ///< false when a name was neither a keyword nor a known typedef
};

enum class TypeRole { parameter, result };

/// The meaning of `type` (as a parameter or a result): names and `restrict`,
/// `_Nullable`/`_Nonnull` dropped, typedef names replaced by what `lookup`
/// gives (once, not recursively), builtin types spelled one way
/// ("unsigned long int" -> "unsigned long"), qualifiers of the top level
/// dropped, and for a parameter an array turned into a pointer. With no
/// lookup, identifiers stay as they are (for types already canonical).
TypeMeaning type_meaning(std::string_view type, TypeRole role, const TypedefLookup& lookup = {});

/// The identifiers in `type` that may be typedef names: not keywords, not
/// struct/union/enum tags, not annotations.
std::vector<std::string> typedef_names_in(std::string_view type);

}  // namespace manaudit::cdecl
