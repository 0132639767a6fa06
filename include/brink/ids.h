// Small integer ids of a scenario's actors, blocs and regions (indices into its vectors).
#ifndef BRINK_IDS_H_
#define BRINK_IDS_H_

#include <cstdint>

namespace brink {

using ActorId = int16_t;
using BlocId = int16_t;
using RegionId = int16_t;
inline constexpr int16_t kNone = -1;

}  // namespace brink

#endif  // BRINK_IDS_H_
