// Compiler-style text output, with optional colour.
#include <map>

#include <fmt/format.h>

#include "audit/output.h"

namespace manaudit::audit {

namespace {

struct Palette {
    const char* bold = "";
    const char* warning = "";
    const char* note = "";
    const char* reset = "";
};

std::string evidence_line(const Evidence& e) {
    if (!e.present) return fmt::format("{}: absent", e.arch);
    if (e.header.empty()) return fmt::format("{}: {}", e.arch, e.value);
    return fmt::format("{}: {} ({})", e.arch, e.value, e.header);
}

}  // namespace

std::string format_text(const std::vector<Finding>& findings, bool color, bool brief) {
    Palette p;
    if (color) p = {"\033[1m", "\033[1;35m", "\033[1;36m", "\033[0m"};
    std::string out;
    for (const auto& f : findings) {
        out += fmt::format("{}{}:{}:{}:{} {}{}:{} {}{} [{}]{}\n", p.bold, f.page, f.line, f.column, p.reset,
                           p.warning, severity_name(f.severity), p.reset, p.bold, f.message, f.check_id, p.reset);
        if (brief) continue;
        for (const auto& e : f.evidence) out += fmt::format("    {}note:{} {}\n", p.note, p.reset, evidence_line(e));
    }
    return out;
}

}  // namespace manaudit::audit
