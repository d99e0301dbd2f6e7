// Decoding a PNG screenshot far enough to tell whether it shows anything:
// 8-bit RGB or RGBA, non-interlaced, as headless Chromium writes them.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace manaudit::testing {

struct PngImage {
    std::uint32_t width = 0, height = 0;
    int channels = 0;
    std::vector<std::uint8_t> pixels;  ///< rows of width * channels bytes
};

inline std::uint32_t be32(const std::string& s, std::size_t at) {
    return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

inline std::optional<PngImage> decode_png(const std::string& file) {
    if (file.size() < 8 || file.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
    PngImage img;
    std::string idat;
    for (std::size_t at = 8; at + 8 <= file.size();) {
        std::uint32_t length = be32(file, at);
        std::string type = file.substr(at + 4, 4);
        if (at + 12 + length > file.size()) return std::nullopt;
        if (type == "IHDR") {
            img.width = be32(file, at + 8);
            img.height = be32(file, at + 12);
            int depth = std::uint8_t(file[at + 16]), color = std::uint8_t(file[at + 17]);
            int interlace = std::uint8_t(file[at + 20]);
            if (depth != 8 || interlace != 0 || (color != 2 && color != 6)) return std::nullopt;
            img.channels = color == 6 ? 4 : 3;
        } else if (type == "IDAT") {
            idat += file.substr(at + 8, length);
        }
        at += 12 + length;
    }
    const std::size_t stride = std::size_t(img.width) * img.channels;
    std::vector<std::uint8_t> raw((stride + 1) * img.height);
    uLongf raw_size = raw.size();
    if (uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
        raw_size != raw.size())
        return std::nullopt;
    // Undo each row's filter (PNG spec, section 9).
    img.pixels.assign(stride * img.height, 0);
    const int bpp = img.channels;
    for (std::uint32_t y = 0; y < img.height; ++y) {
        const std::uint8_t filter = raw[y * (stride + 1)];
        const std::uint8_t* in = &raw[y * (stride + 1) + 1];
        std::uint8_t* out = &img.pixels[y * stride];
        const std::uint8_t* up = y > 0 ? &img.pixels[(y - 1) * stride] : nullptr;
        for (std::size_t x = 0; x < stride; ++x) {
            int a = x >= std::size_t(bpp) ? out[x - bpp] : 0;
            int b = up ? up[x] : 0;
            int c = up && x >= std::size_t(bpp) ? up[x - bpp] : 0;
            int predictor = 0;
            switch (filter) {
                case 0: predictor = 0; break;
                case 1: predictor = a; break;
                case 2: predictor = b; break;
                case 3: predictor = (a + b) / 2; break;
                case 4: {
                    int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
                }
                default: return std::nullopt;
            }
            out[x] = std::uint8_t(in[x] + predictor);
        }
    }
    return img;
}

}  // namespace manaudit::testing
