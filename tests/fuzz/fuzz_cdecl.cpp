// Fuzz target: the C declaration parser (prototypes and struct definitions).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parsers/cdecl/cdecl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto prototype = manaudit::cdecl::parse_prototype(text);
    auto structs = manaudit::cdecl::find_structs(text, 1);
    (void)prototype;
    (void)structs;
    return 0;
}
