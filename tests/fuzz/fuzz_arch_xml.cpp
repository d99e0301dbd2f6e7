// Fuzz target: the arch-data XML reader and its validation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "arch-data/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    manaudit::Diagnostics diags;
    auto facts = manaudit::archdata::parse_arch_xml(text, "arch-data/x86_64.xml", diags);
    // A file that loads must render again and load the same way.
    if (facts) {
        std::string again = manaudit::archdata::to_xml(*facts);
        manaudit::Diagnostics second;
        if (!manaudit::archdata::parse_arch_xml(again, "arch-data/x86_64.xml", second)) __builtin_trap();
    }
    return 0;
}
