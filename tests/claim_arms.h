// The arms of the seed's claims C1-C8 (tests/claims_test.cc): the --set overrides that each
// claim's two forecasts differ by, and the seed they run on, in one place. ClaimArms.*
// (tests/determinism_test.cc) runs every arm briefly, so that the sanitizer build, where the
// claims' 100,000-odd runs are too long for CI (.ci/run), still runs each arm's rules.
#ifndef BRINK_TESTS_CLAIM_ARMS_H_
#define BRINK_TESTS_CLAIM_ARMS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace brink::test {

inline constexpr uint64_t kClaimSeed = 20171119;  // Albu Kamal fell on 19 Nov 2017; any fixed seed will do

using Sets = std::vector<std::string>;
struct ClaimArm {
  const char* name;
  Sets sets;
};

// C1: US troops in Iraq, few and many (the seed's 8,000).
inline const Sets kFewExposed = {"exposure.us_iraq.troops=1000"};
inline const Sets kManyExposed = {"exposure.us_iraq.troops=8000"};
// C2: the US hawks' influence.
inline const Sets kDoves = {"faction.us_hawks.influence=0.1"};
inline const Sets kHawks = {"faction.us_hawks.influence=0.9"};
// C3: the al-Tanf deconfliction zone.
inline const Sets kWithZone = {"zone.tanf_deconfliction.enabled=true"};
inline const Sets kWithoutZone = {"zone.tanf_deconfliction.enabled=false"};
// C4: the SDF's reliability as the US's proxy, with no Euphrates line.
inline const Sets kShakyProxy = {"line.euphrates.enabled=false", "relation.us.sdf.reliability=0.5"};
inline const Sets kSteadyProxy = {"line.euphrates.enabled=false", "relation.us.sdf.reliability=1.0"};
// C5: the Turkey-SDF feud.
inline const Sets kCalm = {"relation.turkey.sdf.intensity=0"};
inline const Sets kFeud = {"relation.turkey.sdf.intensity=0.2"};
// C6: the scenario as it is.
inline const Sets kAsItIs = {};
// C7: de-escalation signalling.
inline const Sets kSignals = {"rules.signalling=true"};
inline const Sets kSilent = {"rules.signalling=false"};
// C8: the Resistance's resolve.
inline const Sets kSoftResolve = {"bloc.resistance.resolve=0.3"};
inline const Sets kFirmResolve = {"bloc.resistance.resolve=1.0"};

inline std::vector<ClaimArm> AllClaimArms() {
  return {{"C1 few exposed", kFewExposed}, {"C1 many exposed", kManyExposed},
          {"C2 doves", kDoves},            {"C2 hawks", kHawks},
          {"C3 with zone", kWithZone},     {"C3 without zone", kWithoutZone},
          {"C4 shaky proxy", kShakyProxy}, {"C4 steady proxy", kSteadyProxy},
          {"C5 calm", kCalm},              {"C5 feud", kFeud},
          {"C6 as it is", kAsItIs},        {"C7 signals", kSignals},
          {"C7 silent", kSilent},          {"C8 soft resolve", kSoftResolve},
          {"C8 firm resolve", kFirmResolve}};
}

}  // namespace brink::test

#endif  // BRINK_TESTS_CLAIM_ARMS_H_
