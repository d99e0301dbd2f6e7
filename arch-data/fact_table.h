// FactTable: a fact table by name with std::map's interface (the part the
// project uses), which can also stand on its encoding in the fact pack.
// Standing on the pack, a lookup decodes only the entry it finds, and the
// whole map is decoded only when something walks or changes it: an audit
// looks up a few hundred of the thousands of constants each ABI has, and
// decoding them all would cost it more time and memory than its pages.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "arch-data/name_index.h"

namespace manaudit::archdata {

/// One table as the fact pack encodes it (fact_pack_codec.cpp): entries
/// sorted by key, each a length-prefixed key and then the value's bytes,
/// found through a list of their offsets and a hash table of their keys.
struct EncodedTable {
    std::string_view offsets;  ///< `count` 32-bit offsets into `entries` (Encoder::fixed32)
    std::string_view entries;
    std::size_t count = 0;
    /// A power of two of 32-bit slots, more than `count`:
    /// 0 for none, else 1 + the index of an entry, placed by key_hash()
    /// with linear probing.
    std::string_view slots;

    /// The hash the slots are placed by.
    static std::uint64_t key_hash(std::string_view key);

    /// Entry i's key; the codec checked every offset and key when it read the table.
    std::string_view key(std::size_t i) const;
    /// Entry i's value bytes: from the end of its key to the next entry.
    std::string_view value(std::size_t i) const;
    /// The entry with this key, or count when there is none.
    std::size_t find(std::string_view key) const;
};

template <typename Value>
class FactTable {
public:
    using Map = std::map<std::string, Value>;
    using value_type = typename Map::value_type;
    using iterator = typename Map::iterator;
    using const_iterator = typename Map::const_iterator;
    /// Reads one encoded value; false when the bytes are not one.
    using DecodeValue = bool (*)(std::string_view bytes, Value& out);

    FactTable() = default;
    FactTable(std::initializer_list<value_type> entries) : map_(entries) {}
    // From a map, as the extractors build tables.
    FactTable(Map map) : map_(std::move(map)) {}  // NOLINT(google-explicit-constructor)
    // A copy is an ordinary map: the pack's decoded entries stay with the original.
    FactTable(const FactTable& other) : map_(other.whole()) {}
    FactTable& operator=(const FactTable& other) {
        if (this != &other) {
            Map copy = other.whole();
            packed_.reset();
            index_ = {};
            map_ = std::move(copy);
        }
        return *this;
    }
    FactTable(FactTable&&) noexcept = default;
    FactTable& operator=(FactTable&&) noexcept = default;
    ~FactTable() = default;

    /// Stands the table on `encoded`, whose bytes must outlive it; any
    /// entries it had are dropped.
    void attach(EncodedTable encoded, DecodeValue decode) {
        map_.clear();
        index_ = {};
        packed_ = std::make_unique<Packed>(encoded, decode);
    }

    /// The value for `name`, or null. Safe from several threads at once.
    const Value* lookup(std::string_view name) const {
        return standing_on_pack() ? packed_->lookup(name) : index_.find(map_, name);
    }

    /// Hash-indexes the map for lookup(), once it is complete (the readers
    /// call it); a table standing on the pack needs none.
    void index() {
        if (!packed_) index_.build(map_);
    }

    // std::map's interface; whatever walks or changes the table decodes it whole first.
    const_iterator begin() const { return whole().begin(); }
    const_iterator end() const { return whole().end(); }
    iterator begin() { return whole_for_change().begin(); }
    iterator end() { return whole_for_change().end(); }
    const_iterator find(const std::string& name) const { return whole().find(name); }
    iterator find(const std::string& name) { return whole_for_change().find(name); }
    std::size_t count(const std::string& name) const { return contains(name) ? 1 : 0; }
    bool contains(std::string_view name) const {
        if (!standing_on_pack()) return index_.find(map_, name) != nullptr;
        return packed_->table.find(name) != packed_->table.count;
    }
    /// Calls `f` with each entry's name, in name order, decoding no value;
    /// the names live as long as the table.
    template <typename F>
    void for_each_name(F f) const {
        if (standing_on_pack()) {
            for (std::size_t i = 0; i < packed_->table.count; ++i) f(packed_->table.key(i));
            return;
        }
        for (const auto& entry : map_) f(std::string_view(entry.first));
    }
    std::size_t size() const { return standing_on_pack() ? packed_->table.count : map_.size(); }
    bool empty() const { return size() == 0; }
    const Value& at(const std::string& name) const { return whole().at(name); }
    Value& operator[](const std::string& name) { return whole_for_change()[name]; }
    template <typename... Args>
    std::pair<iterator, bool> emplace(Args&&... args) {
        return whole_for_change().emplace(std::forward<Args>(args)...);
    }
    template <typename... Args>
    std::pair<iterator, bool> try_emplace(const std::string& name, Args&&... args) {
        return whole_for_change().try_emplace(name, std::forward<Args>(args)...);
    }
    std::pair<iterator, bool> insert(value_type entry) { return whole_for_change().insert(std::move(entry)); }
    std::size_t erase(const std::string& name) { return whole_for_change().erase(name); }
    void clear() {
        packed_.reset();
        index_ = {};
        map_.clear();
    }

    /// The whole table as a map, decoded from the pack on first use.
    const Map& whole() const {
        if (packed_) packed_->decode_into(map_);
        return map_;
    }

private:
    /// Not yet decoded whole: lookups and sizes come from the pack's bytes.
    bool standing_on_pack() const { return packed_ && !packed_->decoded.load(std::memory_order_acquire); }

    // The pack's entries decoded one at a time stay where they are: pointers
    // lookup() gave out remain good, as a std::map's do when it grows.
    Map& whole_for_change() {
        if (packed_) packed_->decode_into(map_);
        index_ = {};
        return map_;
    }

    /// The pack's bytes, and the entries decoded from them so far: one at a
    /// time by lookup(), or all into the map.
    struct Packed {
        EncodedTable table;
        DecodeValue decode;
        std::once_flag whole_once;
        std::atomic<bool> decoded{false};
        /// Entry i once decoded by lookup(), else null.
        std::unique_ptr<std::atomic<Value*>[]> slots;

        Packed(EncodedTable t, DecodeValue d)
            : table(t), decode(d), slots(std::make_unique<std::atomic<Value*>[]>(t.count)) {}
        Packed(const Packed&) = delete;
        Packed& operator=(const Packed&) = delete;
        ~Packed() {
            for (std::size_t i = 0; i < table.count; ++i) delete slots[i].load(std::memory_order_relaxed);
        }

        // An entry whose bytes do not decode is left out, here and below:
        // the pack is built with the program, so only a damaged program has one.
        const Value* lookup(std::string_view name) {
            const std::size_t i = table.find(name);
            if (i == table.count) return nullptr;
            if (Value* known = slots[i].load(std::memory_order_acquire)) return known;
            auto fresh = std::make_unique<Value>();
            if (!decode(table.value(i), *fresh)) return nullptr;
            Value* expected = nullptr;
            // Another thread may have decoded it meanwhile: the first one stays.
            if (slots[i].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel))
                return fresh.release();
            return expected;
        }

        void decode_into(Map& map) {
            std::call_once(whole_once, [&] {
                for (std::size_t i = 0; i < table.count; ++i) {
                    Value value{};
                    if (decode(table.value(i), value))
                        map.emplace_hint(map.end(), std::string(table.key(i)), std::move(value));
                }
                decoded.store(true, std::memory_order_release);
            });
        }
    };

    mutable Map map_;
    std::unique_ptr<Packed> packed_;
    NameIndex<Value> index_;
};

}  // namespace manaudit::archdata
