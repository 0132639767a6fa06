// Collective helpers over Cluster::Gather (include/brink/cluster.h).
#include "brink/cluster.h"

#include <fmt/format.h>


namespace brink {
namespace {

// Every rank's int, on every rank.
std::vector<int> GatherInts(Cluster& cluster, int mine) {
  const auto ranks = static_cast<std::size_t>(cluster.size());
  std::vector<int> sizes(ranks, static_cast<int>(sizeof(int)));
  std::vector<int> all(ranks);
  cluster.Gather(std::as_bytes(std::span(&mine, 1)), sizes, std::as_writable_bytes(std::span(all)), false);
  return all;
}

// Every rank's bytes, each `sizes[r]` long, on every rank.
std::vector<std::byte> GatherBytes(Cluster& cluster, std::span<const std::byte> mine, const std::vector<int>& sizes) {
  std::size_t total = 0;
  for (int n : sizes) total += static_cast<std::size_t>(n);
  std::vector<std::byte> all(total);
  cluster.Gather(mine, sizes, all, false);
  return all;
}

}  // namespace

bool AnyRank(Cluster* cluster, bool mine) {
  if (cluster == nullptr) return mine;
  for (int flag : GatherInts(*cluster, mine ? 1 : 0)) {
    if (flag != 0) return true;
  }
  return false;
}

Status FirstError(Cluster* cluster, const Status& mine) {
  if (cluster == nullptr) return mine;
  // A rank with an error passes its message's length + 1; 0 is OK.
  const std::string& message = mine.message();
  const std::vector<int> sizes = GatherInts(*cluster, mine.ok() ? 0 : static_cast<int>(message.size()) + 1);
  int first = -1;
  for (std::size_t r = 0; r < sizes.size() && first < 0; ++r) {
    if (sizes[r] > 0) first = static_cast<int>(r);
  }
  if (first < 0) return {};
  std::vector<int> parts(sizes.size(), 0);
  parts[static_cast<std::size_t>(first)] = sizes[static_cast<std::size_t>(first)];
  std::string text = cluster->rank() == first ? message + '\0' : std::string();
  const std::vector<std::byte> all = GatherBytes(*cluster, std::as_bytes(std::span(text.data(), text.size())), parts);
  std::string found(reinterpret_cast<const char*>(all.data()), all.size() - 1);
  return Status::Error(first == 0 ? found : fmt::format("rank {}: {}", first, found));
}

std::vector<std::byte> FromRoot(Cluster* cluster, std::vector<std::byte> data) {
  if (cluster == nullptr) return data;
  const int size = GatherInts(*cluster, static_cast<int>(data.size()))[0];
  std::vector<int> parts(static_cast<std::size_t>(cluster->size()), 0);
  parts[0] = size;
  const std::span<const std::byte> mine = cluster->root() ? std::span<const std::byte>(data) : std::span<const std::byte>();
  return GatherBytes(*cluster, mine, parts);
}

}  // namespace brink
