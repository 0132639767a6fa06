// Output files: never redirected by a planted name, never replacing what is not a regular
// file, whole or absent. Every case runs in a fresh temporary folder; the device case uses a
// private node made there (as root only), never a real device.
#include "brink/output_file.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace brink {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("brink-output-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
  static void Write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::size_t Entries() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++n;
    return n;
  }
  // Symlinks to `victim` under every temporary name brink has used or would try first.
  void PlantSymlinks(const std::string& target, const std::string& victim) const {
    fs::create_symlink(victim, Path(target + ".tmp-" + std::to_string(getpid())));
    for (int n = 0; n < 5; ++n) {
      fs::create_symlink(victim, Path("." + target + ".tmp-" + std::to_string(getpid()) + "-" +
                                      std::to_string(n)));
    }
  }
  fs::path dir_;
};

TEST_F(OutputFileTest, PlantedSymlinkAtTheTemporaryNameIsNeverFollowed) {
  for (OutputFile::Temp temp : {OutputFile::Temp::kNamed, OutputFile::Temp::kUnnamed}) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write(Path("victim.txt"), "precious\n");
    PlantSymlinks("out.json", Path("victim.txt"));
    Status st = WriteFileAtomically(Path("out.json"), "{\"new\": 1}\n", temp);
    ASSERT_TRUE(st.ok()) << st.message();
    EXPECT_EQ(Read(Path("victim.txt")), "precious\n");
    EXPECT_EQ(Read(Path("out.json")), "{\"new\": 1}\n");
    EXPECT_FALSE(fs::is_symlink(Path("out.json")));
  }
}

TEST_F(OutputFileTest, ReplacedFileKeepsItsMode) {
  for (OutputFile::Temp temp : {OutputFile::Temp::kNamed, OutputFile::Temp::kUnnamed}) {
    Write(Path("out.json"), "old\n");
    ASSERT_EQ(chmod(Path("out.json").c_str(), 0640), 0);
    ASSERT_TRUE(WriteFileAtomically(Path("out.json"), "new\n", temp).ok());
    struct stat st;
    ASSERT_EQ(stat(Path("out.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_EQ(Read(Path("out.json")), "new\n");
  }
}

TEST_F(OutputFileTest, NewFileGetsTheUsualModeLessTheUmask) {
  mode_t mask = umask(027);
  Status written = WriteFileAtomically(Path("new.json"), "x\n");
  umask(mask);
  ASSERT_TRUE(written.ok()) << written.message();
  struct stat st;
  ASSERT_EQ(stat(Path("new.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST_F(OutputFileTest, UncommittedOutputLeavesTheTargetAndNoTemporaryFile) {
  for (OutputFile::Temp temp : {OutputFile::Temp::kNamed, OutputFile::Temp::kUnnamed}) {
    Write(Path("out.json"), "previous\n");
    {
      OutputFile out(temp);
      ASSERT_TRUE(out.Open(Path("out.json")).ok());
      ASSERT_TRUE(out.Write("half of it").ok());
    }  // abandoned, as on an interruption or an error
    EXPECT_EQ(Read(Path("out.json")), "previous\n");
    EXPECT_EQ(Entries(), 1u);
  }
}

// Ctrl-C while a large page is drawn or written: the commit is refused and the target stays as
// it was (issue 21 #14: the report was written seconds later and the exit status was 0).
TEST_F(OutputFileTest, InterruptedBeforeTheCommitLeavesTheTargetUntouched) {
  for (OutputFile::Temp temp : {OutputFile::Temp::kNamed, OutputFile::Temp::kUnnamed}) {
    Write(Path("report.html"), "previous\n");
    std::atomic<bool> interrupted{false};
    OutputFile out(temp);
    out.CancelOn(&interrupted);
    ASSERT_TRUE(out.Open(Path("report.html")).ok());
    ASSERT_TRUE(out.Write("<html>... a large page").ok());
    interrupted.store(true);  // the signal arrives while the page is being written
    Status st = out.Commit();
    EXPECT_FALSE(st.ok());
    EXPECT_NE(st.message().find("interrupted"), std::string::npos) << st.message();
    EXPECT_EQ(Read(Path("report.html")), "previous\n");
    EXPECT_EQ(Entries(), 1u);
    std::atomic<bool> set{true};
    EXPECT_FALSE(WriteFileAtomically(Path("report.html"), "new", temp, &set).ok());
    EXPECT_EQ(Read(Path("report.html")), "previous\n");
  }
}

TEST_F(OutputFileTest, FifoIsWrittenThroughAndStaysAFifo) {
  ASSERT_EQ(mkfifo(Path("pipe").c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = Read(Path("pipe")); });
  Status st = WriteFileAtomically(Path("pipe"), "streamed\n");
  reader.join();
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(received, "streamed\n");
  struct stat info;
  ASSERT_EQ(lstat(Path("pipe").c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(OutputFileTest, CharacterDeviceIsWrittenThroughNotReplaced) {
  // A private null device (major 1, minor 3) in the temporary folder; only root may make one.
  if (mknod(Path("mynull").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device node here: " << std::strerror(errno);
  }
  ASSERT_TRUE(CheckWritable(Path("mynull")).ok());
  Status st = WriteFileAtomically(Path("mynull"), "gone\n");
  ASSERT_TRUE(st.ok()) << st.message();
  struct stat info;
  ASSERT_EQ(lstat(Path("mynull").c_str(), &info), 0);
  EXPECT_TRUE(S_ISCHR(info.st_mode)) << "the device node must not become a regular file";
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(OutputFileTest, DirectorySocketAndDanglingSymlinkAreRefused) {
  fs::create_directories(Path("folder"));
  fs::create_symlink(Path("missing"), Path("dangling"));
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string socket_path = Path("sock");
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  for (const char* name : {"folder", "sock", "dangling"}) {
    EXPECT_FALSE(CheckWritable(Path(name)).ok()) << name;
    EXPECT_FALSE(WriteFileAtomically(Path(name), "x").ok()) << name;
  }
  close(sock);
  EXPECT_FALSE(fs::exists(Path("missing")));
  EXPECT_TRUE(fs::is_directory(Path("folder")));
}

TEST_F(OutputFileTest, SymlinkTheUserNamedReplacesTheFileItNames) {
  Write(Path("real.json"), "old\n");
  fs::create_symlink("real.json", Path("link.json"));
  ASSERT_TRUE(WriteFileAtomically(Path("link.json"), "new\n").ok());
  EXPECT_TRUE(fs::is_symlink(Path("link.json")));
  EXPECT_EQ(Read(Path("real.json")), "new\n");
  EXPECT_EQ(Entries(), 2u);
}

TEST_F(OutputFileTest, FileSetIsCreatedReplacedWholeAndRefusesAForeignFolder) {
  const std::string dir = Path("csv");
  ASSERT_TRUE(CheckWritableFileSet(dir, {"a.csv", "b.csv"}).ok());
  ASSERT_TRUE(WriteFileSet(dir, {{"a.csv", "1\n"}, {"b.csv", "2\n"}}).ok());
  EXPECT_EQ(Read(dir + "/a.csv"), "1\n");
  ASSERT_TRUE(WriteFileSet(dir, {{"a.csv", "3\n"}, {"b.csv", "4\n"}}).ok());
  EXPECT_EQ(Read(dir + "/a.csv"), "3\n");
  EXPECT_EQ(Read(dir + "/b.csv"), "4\n");
  EXPECT_EQ(Entries(), 1u) << "no temporary folder is left beside it";
  Write(dir + "/notes.txt", "mine\n");
  EXPECT_FALSE(CheckWritableFileSet(dir, {"a.csv", "b.csv"}).ok());
  EXPECT_FALSE(WriteFileSet(dir, {{"a.csv", "5\n"}, {"b.csv", "6\n"}}).ok());
  EXPECT_EQ(Read(dir + "/notes.txt"), "mine\n");
  EXPECT_EQ(Read(dir + "/a.csv"), "3\n");
}

TEST_F(OutputFileTest, FileSetRefusesToReplaceTheCurrentDirectory) {
  // An empty current directory would pass the "only the set's files" check, and replacing it
  // would leave the user's shell in a deleted folder.
  fs::create_directories(Path("here"));
  const fs::path before = fs::current_path();
  fs::current_path(Path("here"));
  Status dot = CheckWritableFileSet(".", {"a.csv"});
  Status named = CheckWritableFileSet(Path("here"), {"a.csv"});
  fs::current_path(before);
  EXPECT_FALSE(dot.ok());
  EXPECT_FALSE(named.ok());
  EXPECT_TRUE(CheckWritableFileSet(Path("here"), {"a.csv"}).ok()) << "from elsewhere it is fine";
}

TEST_F(OutputFileTest, FileSetNeverFollowsAPlantedTemporaryName) {
  fs::create_directories(Path("elsewhere"));
  for (int n = 0; n < 5; ++n) {
    fs::create_symlink(Path("elsewhere"), Path(".csv.tmp-" + std::to_string(getpid()) + "-" +
                                               std::to_string(n)));
  }
  ASSERT_TRUE(WriteFileSet(Path("csv"), {{"a.csv", "1\n"}}).ok());
  EXPECT_TRUE(fs::is_empty(Path("elsewhere")));
  EXPECT_EQ(Read(Path("csv/a.csv")), "1\n");
}

}  // namespace
}  // namespace brink
