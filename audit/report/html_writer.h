// A small writer of well-formed XHTML-syntax HTML5: every element closed,
// text and attributes escaped, bytes that are not valid UTF-8 replaced.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manaudit::report {

using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class HtmlWriter {
public:
    /// Starts the document: the doctype and the <html> element.
    explicit HtmlWriter(std::string_view lang = "en");

    HtmlWriter& open(std::string_view tag, Attributes attributes = {});
    HtmlWriter& close();  ///< closes the innermost open element
    HtmlWriter& text(std::string_view text);
    /// An element holding only text: <tag ...>text</tag>.
    HtmlWriter& element(std::string_view tag, std::string_view text, Attributes attributes = {});
    /// A void element written as XML allows and HTML reads: <meta ... />.
    HtmlWriter& empty(std::string_view tag, Attributes attributes = {});
    /// The text of <style> or <script>: written as is, so it must hold no '<' or '&'.
    HtmlWriter& raw(std::string_view text);

    /// Closes everything still open and returns the document.
    std::string finish();

private:
    void start_tag(std::string_view tag, Attributes attributes);
    std::string out_;
    std::vector<std::string> open_;
};

/// Text made safe for XML: '&', '<', '>' (and '"' when `attribute`) escaped,
/// control characters dropped, invalid UTF-8 replaced by U+FFFD.
std::string xml_escape(std::string_view text, bool attribute = false);

}  // namespace manaudit::report
