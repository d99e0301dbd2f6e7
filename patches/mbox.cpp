// Rendering format-patch mails and naming their files.
#include "patches/mbox.h"

#include <cctype>
#include <cstdio>

namespace manaudit::patches {

namespace {

bool is_ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
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
    out += "From: " + mail.from.text() + "\n";
    out += "Date: " + mail.date + "\n";
    out += fold_header("Subject: " + mail.subject);
    if (!is_ascii(mail.body) || !is_ascii(mail.from.text())) {
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
