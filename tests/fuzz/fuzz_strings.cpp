// Fuzz target: `.ds` string expansion. Every line but the last defines a
// string (name, a space, the value); the last is rendered. The output must
// stay within the page's expansion budget, whatever the nesting.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/roff/roff_escape.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace manaudit::roff;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    EscapeState state;
    std::size_t nl = input.rfind('\n');
    std::string_view definitions = nl == std::string_view::npos ? std::string_view{} : input.substr(0, nl);
    std::string_view line = nl == std::string_view::npos ? input : input.substr(nl + 1);
    std::size_t defined_bytes = 0;
    while (!definitions.empty()) {
        std::size_t end = definitions.find('\n');
        std::string_view def = definitions.substr(0, end);
        definitions = end == std::string_view::npos ? std::string_view{} : definitions.substr(end + 1);
        std::size_t space = def.find(' ');
        if (space == std::string_view::npos || space == 0) continue;
        state.strings[std::string(def.substr(0, space))] = std::string(def.substr(space + 1));
        defined_bytes += def.size();
    }
    manaudit::Diagnostics diags;
    DiagnosticSink sink("man2/fuzz.2", diags);
    Rendered out;
    render_escapes(line, state, out, sink, {1, 1});
    // Each byte of a string body renders to a few bytes at most (\[u10FFFF]: 4).
    if (out.text.size() > 4 * (line.size() + kStringExpansionBudget)) std::abort();
    (void)defined_bytes;
    return 0;
}
