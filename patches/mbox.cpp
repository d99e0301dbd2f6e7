// Rendering format-patch mails and naming their files.
#include "patches/mbox.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace manaudit::patches {

namespace {

bool is_ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Header text that must become RFC 2047 encoded words: 8-bit bytes, a line
// break, or "=?", which a reader would take for the start of an encoded word.
bool needs_encoded_words(const std::string& s) {
    return !is_ascii(s) || s.find('\n') != std::string::npos || s.find("=?") != std::string::npos;
}

// Where an encoded word is used: the name before <mail> (RFC 2047 section
// 5.3 allows fewer bare characters there) or free text such as a subject.
enum class WordUse { name, text };

bool stays_bare(unsigned char c, WordUse use) {
    if (c >= 0x80 || !std::isprint(c) || c == ' ' || c == '=' || c == '?' || c == '_') return false;
    if (use == WordUse::text) return true;
    return std::isalnum(c) || c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

std::size_t utf8_sequence_length(unsigned char lead) {
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// "Q" encoded words in UTF-8, as git format-patch writes them: "=XX" for
// every byte not left bare, a character never split between two words, and
// lines of at most 76 columns counted from `column`, continued with a space.
std::string encoded_words(const std::string& text, std::size_t column, WordUse use) {
    const std::string open = "=?UTF-8?q?";
    const std::size_t limit = 76;
    std::string out = open;
    column += open.size();
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = std::min(utf8_sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
        std::string piece;
        for (std::size_t k = 0; k < length; ++k) {
            unsigned char c = static_cast<unsigned char>(text[i + k]);
            if (length == 1 && stays_bare(c, use)) {
                piece += char(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "=%02X", unsigned(c));
                piece += hex;
            }
        }
        if (column + piece.size() + 2 > limit) {  // 2: the closing "?="
            out += "?=\n " + open;
            column = 1 + open.size();
        }
        out += piece;
        column += piece.size();
        i += length;
    }
    return out + "?=";
}

// A plain name with an RFC 5322 special in it ("Doe, Jane") is quoted, or a
// reader would split it into two addresses.
std::string quoted_if_special(const std::string& name) {
    if (name.find_first_of("()<>@,;:\\\".[]") == std::string::npos) return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string from_header(const Identity& from) {
    const std::string header = "From: ";
    std::string name = needs_encoded_words(from.name) ? encoded_words(from.name, header.size(), WordUse::name)
                                                      : quoted_if_special(from.name);
    return header + name + " <" + from.email + ">\n";
}

// RFC 5322 folding: a header line longer than 78 columns breaks at a space,
// the continuation starting with that space.
std::string fold_header(const std::string& line) {
    std::string out;
    std::string rest = line;
    while (rest.size() > 78) {
        std::size_t cut = rest.rfind(' ', 78);
        if (cut == std::string::npos || cut == 0) cut = rest.find(' ', 1);
        if (cut == std::string::npos) break;
        out += rest.substr(0, cut) + "\n";
        rest = rest.substr(cut);
    }
    return out + rest + "\n";
}

// "Subject: [PATCH 1/3] title": the "[...] " prefix stays as it is; a title
// that is not plain ASCII becomes encoded words, any other is folded.
std::string subject_header(const std::string& subject) {
    std::string prefix = "Subject: ";
    std::string title = subject;
    if (!title.empty() && title.front() == '[') {
        std::size_t end = title.find("] ");
        if (end != std::string::npos) {
            prefix += title.substr(0, end + 2);
            title = title.substr(end + 2);
        }
    }
    if (!needs_encoded_words(title)) return fold_header(prefix + title);
    return prefix + encoded_words(title, prefix.size(), WordUse::text) + "\n";
}

}  // namespace

std::string wrap_paragraph(const std::string& text, std::size_t width) {
    std::string out;
    std::string line;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
        if (j == i) break;
        std::string word = text.substr(i, j - i);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        i = j;
    }
    if (!line.empty()) out += line + "\n";
    return out;
}

std::string render_mail(const PatchMail& mail) {
    std::string out;
    out += "From " + mail.commit_id + " Mon Sep 17 00:00:00 2001\n";
    out += from_header(mail.from);
    out += "Date: " + mail.date + "\n";
    out += subject_header(mail.subject);
    // As git does: the charset is declared for a message whose subject or body
    // is not ASCII; an encoded From: name needs no declaration.
    if (!is_ascii(mail.body) || !is_ascii(mail.subject)) {
        out += "MIME-Version: 1.0\n";
        out += "Content-Type: text/plain; charset=UTF-8\n";
        out += "Content-Transfer-Encoding: 8bit\n";
    }
    out += "\n";
    out += mail.body;
    if (!mail.signoff.empty()) {
        if (!mail.body.empty()) out += "\n";
        out += "Signed-off-by: " + mail.signoff + "\n";
    }
    if (!mail.diff.empty() || !mail.diffstat.empty()) {
        out += "---\n";
        out += mail.diffstat;
        out += "\n";
        out += mail.diff;
    }
    out += "-- \n" + mail.trailer + "\n\n";
    return out;
}

std::string patch_file_name(int number, const std::string& subject) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%04d-", number);
    std::string name;
    bool pending_dash = false;
    for (std::size_t i = 0; i < subject.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(subject[i]);
        if (std::isalnum(c) || c == '.' || c == '_') {
            if (pending_dash && !name.empty()) name += '-';
            pending_dash = false;
            name += char(c);
            // ".." never survives: it would read as a parent directory.
            while (c == '.' && i + 1 < subject.size() && subject[i + 1] == '.') ++i;
        } else {
            pending_dash = true;
        }
    }
    // git keeps file names short: 64 columns with the number and ".patch".
    const std::size_t max_subject = 64 - 5 - 6 - 1;
    if (name.size() > max_subject) name.resize(max_subject);
    while (!name.empty() && (name.back() == '.' || name.back() == '-')) name.pop_back();
    return prefix + name + ".patch";
}

}  // namespace manaudit::patches
