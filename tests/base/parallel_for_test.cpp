// The worker pool: every index once, worker numbers in range, threads kept
// for the next loop, loops from several threads at once, a throwing caller.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/parallel_for.h"

using namespace manaudit;

TEST_CASE("parallel_for: each index once, on worker numbers below the worker count", "[parallel-for]") {
    for (int jobs : {1, 2, 4}) {
        std::vector<std::atomic<int>> seen(1000);
        std::atomic<bool> worker_in_range{true};
        parallel_for(seen.size(), jobs, [&](std::size_t i, std::size_t worker) {
            if (worker >= worker_count(jobs, seen.size())) worker_in_range = false;
            ++seen[i];
        });
        INFO("jobs " << jobs);
        CHECK(worker_in_range);
        for (auto& n : seen) CHECK(n == 1);
    }
    int calls = 0;
    parallel_for(0, 4, [&](std::size_t) { ++calls; });
    CHECK(calls == 0);
}

TEST_CASE("parallel_for: later loops reuse the threads earlier ones started", "[parallel-for]") {
    std::atomic<int> sum{0};
    parallel_for(64, 3, [&](std::size_t i) { sum += static_cast<int>(i); });
    CHECK(detail::workers_started() >= 1);
    for (int round = 0; round < 50; ++round) parallel_for(64, 3, [&](std::size_t i) { sum += static_cast<int>(i); });
    CHECK(sum == 51 * (63 * 64 / 2));
    // At most one thread per hardware thread, however many loops asked.
    CHECK(detail::workers_started() <= std::max(2u, std::thread::hardware_concurrency()));
}

TEST_CASE("parallel_for: loops started from several threads at once all finish", "[parallel-for]") {
    std::vector<std::atomic<int>> totals(4);
    std::vector<std::thread> callers;
    for (std::size_t t = 0; t < totals.size(); ++t)
        callers.emplace_back([&, t] {
            // A loop inside a loop, as the facts load beside the pages.
            parallel_for(8, 2, [&](std::size_t) { parallel_for(50, 2, [&](std::size_t) { ++totals[t]; }); });
        });
    for (auto& c : callers) c.join();
    for (auto& total : totals) CHECK(total == 400);
}

TEST_CASE("parallel_for: a throw in the caller's share waits for the helpers, then propagates", "[parallel-for]") {
    std::atomic<int> done{0};
    CHECK_THROWS_AS(parallel_for(200, 2,
                                 [&](std::size_t, std::size_t worker) {
                                     if (worker == 0) throw std::runtime_error("caller's job failed");
                                     std::this_thread::sleep_for(std::chrono::microseconds(50));
                                     ++done;
                                 }),
                    std::runtime_error);
    const int after_return = done.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(done.load() == after_return);  // no helper still at work once the loop returned
}

TEST_CASE("parallel_for: largest_first orders indexes by size, ties by index", "[parallel-for]") {
    const std::vector<int> sizes = {3, 9, 1, 9, 0, 5};
    CHECK(largest_first(sizes.size(), [&](std::size_t i) { return sizes[i]; }) ==
          std::vector<std::size_t>{1, 3, 5, 0, 2, 4});
    CHECK(largest_first(0, [](std::size_t) { return 0; }).empty());
}
