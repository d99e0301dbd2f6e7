// The XHTML-syntax writer the report and archdiff pages are made with.
#include "audit/report/html_writer.h"

namespace manaudit::report {

namespace {

// Length of the valid UTF-8 sequence at `s[i]`, or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c >= 0xF5 || n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

std::string xml_escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            std::size_t n = utf8_length(text, i);
            if (n == 0) {
                out += "\uFFFD";
                ++i;
            } else {
                out.append(text.substr(i, n));
                i += n;
            }
            continue;
        }
        ++i;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\t': case '\n': out += static_cast<char>(c); break;
            case '\r': break;
            default:
                if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);
        }
    }
    return out;
}

HtmlWriter::HtmlWriter(std::string_view lang) {
    out_ = "<!DOCTYPE html>\n";
    open("html", {{"xmlns", "http://www.w3.org/1999/xhtml"}, {"lang", lang}});
}

void HtmlWriter::start_tag(std::string_view tag, Attributes attributes) {
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : attributes) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        out_ += xml_escape(value, true);
        out_ += '"';
    }
}

HtmlWriter& HtmlWriter::open(std::string_view tag, Attributes attributes) {
    start_tag(tag, attributes);
    out_ += '>';
    open_.emplace_back(tag);
    return *this;
}

HtmlWriter& HtmlWriter::close() {
    if (open_.empty()) return *this;
    out_ += "</" + open_.back() + ">";
    // A line break after block-level ends keeps the file diffable and readable.
    const std::string& tag = open_.back();
    if (tag == "tr" || tag == "li" || tag == "section" || tag == "table" || tag == "p" || tag == "head" ||
        tag == "ul" || tag == "ol" || tag == "div" || tag == "thead" || tag == "tbody")
        out_ += '\n';
    open_.pop_back();
    return *this;
}

HtmlWriter& HtmlWriter::text(std::string_view text) {
    out_ += xml_escape(text);
    return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view tag, std::string_view content, Attributes attributes) {
    open(tag, attributes);
    text(content);
    return close();
}

HtmlWriter& HtmlWriter::empty(std::string_view tag, Attributes attributes) {
    start_tag(tag, attributes);
    out_ += " />";
    return *this;
}

HtmlWriter& HtmlWriter::raw(std::string_view text) {
    out_ += text;
    return *this;
}

std::string HtmlWriter::finish() {
    while (!open_.empty()) close();
    return std::move(out_);
}

}  // namespace manaudit::report
