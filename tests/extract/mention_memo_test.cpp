#include "iskra/extract/mention_memo.hpp"

#include <gtest/gtest.h>

namespace iskra::extract {
namespace {

TEST(MentionMemo, RemembersMentionsByText) {
    MentionMemo memo(4);
    EXPECT_FALSE(memo.find("the cat sat").has_value());
    memo.insert("the cat sat", {ClusterMention{7, EntityType::Person, 4, 7}});
    auto found = memo.find("the cat sat");
    ASSERT_TRUE(found.has_value());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ((*found)[0].cluster, 7u);
    EXPECT_EQ((*found)[0].begin, 4u);
    EXPECT_FALSE(memo.find("the cat sat.").has_value());
}

TEST(MentionMemo, RemembersTextsWithoutNamesToo) {
    MentionMemo memo(4);
    memo.insert("nothing here", {});
    auto found = memo.find("nothing here");
    ASSERT_TRUE(found.has_value());
    EXPECT_TRUE(found->empty());
}

TEST(MentionMemo, StaysWithinItsBound) {
    MentionMemo memo(2);
    memo.insert("a", {});
    memo.insert("b", {});
    memo.insert("c", {});  // full: forgets what it had
    EXPECT_TRUE(memo.find("c").has_value());
    EXPECT_FALSE(memo.find("a").has_value());
}

}  // namespace
}  // namespace iskra::extract
