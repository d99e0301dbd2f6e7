// Fuzz target: roff lexer, man(7) parser and Page builder on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "manpages/page_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    manaudit::Diagnostics diags;
    std::string source(reinterpret_cast<const char*>(data), size);
    manaudit::manpages::Page page = manaudit::manpages::build_page("man2/fuzz.2", source, diags);
    std::string tree = manaudit::manpages::dump_tree("man2/fuzz.2", source, diags);
    return 0;
}
