#include "arch-data/pack/embedded_fact_pack.h"

extern "C" {
extern const char manaudit_embedded_fact_pack[];
extern const char manaudit_embedded_fact_pack_end[];
}

namespace manaudit::archdata {

std::string_view embedded_fact_pack() {
    return {manaudit_embedded_fact_pack,
            static_cast<std::size_t>(manaudit_embedded_fact_pack_end - manaudit_embedded_fact_pack)};
}

}  // namespace manaudit::archdata
