// Reading manaudit's XML data files (arch and C-library facts) with pugixml:
// every error names the file and line, and a hostile file cannot flood or
// slow the run. Internal to arch-data/.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "base/diagnostic.h"

namespace manaudit::archdata {

/// How the data files write a flag.
inline const char* yes_no(bool b) { return b ? "yes" : "no"; }

/// Reads attributes with line numbers in every error; any error makes the
/// file unusable (`ok` turns false). Call finish() at the end.
struct XmlReader {
    const std::string& path;
    const std::string& text;
    Diagnostics& diags;
    bool ok = true;
    int errors = 0;
    std::vector<std::size_t> line_starts{};  // computed at the first error, then binary-searched

    static constexpr int kMaxMessages = 20;

    int line_of(std::ptrdiff_t offset) {
        if (offset < 0) return 0;
        if (line_starts.empty()) {
            line_starts.push_back(0);
            for (std::size_t i = 0; i < text.size(); ++i)
                if (text[i] == '\n') line_starts.push_back(i + 1);
        }
        auto after = std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<std::size_t>(offset));
        return static_cast<int>(after - line_starts.begin());
    }
    // A hostile file can hold errors by the hundred thousand: the first few
    // are shown, then one line counts the rest.
    void error(pugi::xml_node at, const std::string& message) {
        ok = false;
        if (++errors <= kMaxMessages) diags.push_back({path, line_of(at.offset_debug()), 0, Severity::error, message});
    }
    void finish() {
        if (errors > kMaxMessages)
            diags.push_back({path, 0, 0, Severity::error,
                             std::to_string(errors - kMaxMessages) + " more errors in this file not shown"});
    }
    std::string required(pugi::xml_node n, const char* attr) {
        pugi::xml_attribute a = n.attribute(attr);
        if (!a) error(n, std::string("<") + n.name() + "> lacks the '" + attr + "' attribute");
        return a.value();
    }
    std::int64_t integer(pugi::xml_node n, const char* attr, bool* is_hex = nullptr) {
        std::string s = required(n, attr);
        if (s.empty()) return 0;
        bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
        if (is_hex) *is_hex = hex;
        const char* first = s.data() + (hex ? 2 : 0);
        const char* last = s.data() + s.size();
        std::from_chars_result r{};
        std::int64_t value = 0;
        if (hex) {
            std::uint64_t u = 0;
            r = std::from_chars(first, last, u, 16);
            value = static_cast<std::int64_t>(u);
        } else {
            r = std::from_chars(first, last, value, 10);
        }
        if (r.ec != std::errc() || r.ptr != last)
            error(n, std::string("'") + attr + "' is not an integer: '" + s + "'");
        return value;
    }
    bool flag(pugi::xml_node n, const char* attr) {
        std::string s = n.attribute(attr).value();
        if (s.empty() || s == "no") return false;
        if (s == "yes") return true;
        error(n, std::string("'") + attr + "' must be yes or no, not '" + s + "'");
        return false;
    }
    std::uint64_t count(pugi::xml_node n, const char* attr) {
        std::int64_t v = integer(n, attr);
        if (v < 0) error(n, std::string("'") + attr + "' is negative");
        return static_cast<std::uint64_t>(v);
    }
    /// A required child list; missing, it is an error at `parent`.
    pugi::xml_node list(pugi::xml_node parent, const char* name) {
        pugi::xml_node node = parent.child(name);
        if (!node) error(parent, std::string("missing <") + name + ">");
        return node;
    }
    /// A list's count attribute must match what it holds: that is how a
    /// truncated file that still parses is caught. A missing list was
    /// reported where it was looked for.
    void check_count(pugi::xml_node list, std::size_t held) {
        if (!list) return;
        if (ok && held != count(list, "count"))
            error(list, std::string("<") + list.name() + "> says count=" + list.attribute("count").value() +
                            " but holds " + std::to_string(held) + " (truncated?)");
    }

    /// Parses `text` into `doc` and returns its <root> element, or an empty
    /// node after saying why: not XML, another root, or another format.
    /// `kind` names the file in messages ("arch-data", "C-library data");
    /// `a_kind` with its article ("an arch-data").
    pugi::xml_node load_root(pugi::xml_document& doc, const char* root_name, const std::string& kind,
                             const std::string& a_kind, const char* format) {
        pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
        if (!parsed) {
            diags.push_back({path, line_of(parsed.offset), 0, Severity::error,
                             "malformed " + kind + " XML: " + parsed.description()});
            return {};
        }
        pugi::xml_node root = doc.child(root_name);
        if (!root) {
            diags.push_back({path, 0, 0, Severity::error,
                             "not " + a_kind + " file: no <" + root_name + "> root element"});
            return {};
        }
        if (std::string(root.attribute("format").value()) != format) {
            error(root, "unsupported " + kind + " format '" + root.attribute("format").value() + "'");
            return {};
        }
        return root;
    }
};

}  // namespace manaudit::archdata
