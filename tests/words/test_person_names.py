"""People's names, told by shape and by use in one document (flashgen.words.names)."""

from __future__ import annotations

from flashgen.words.names import name_shape, names_in_use


def test_address_forms_by_family_name_and_by_birth_order() -> None:
    assert name_shape("老周") == "address form"
    assert name_shape("老五") == "address form"
    assert name_shape("小六") == "address form"
    assert name_shape("老实") == ""  # a dictionary word


def test_a_given_name_written_apart_from_its_kinship_term_is_a_name() -> None:
    story = [["她", "叫", "月娥", "嫂", "。"], ["月娥", "嫂", "笑", "了", "。"]]
    found = names_in_use(story, "她叫月娥嫂。月娥嫂笑了。")
    assert {"月娥嫂", "月娥"} <= found


def test_a_family_name_before_a_kinship_term_is_no_name_on_its_own() -> None:
    found = names_in_use([["周", "叔", "来", "了"], ["周", "叔", "走", "了"]], "周叔来了周叔走了")
    assert "周叔" in found and "周" not in found


def test_a_pet_name_is_a_name_only_where_the_text_uses_it_as_one() -> None:
    story = [["女儿", "小雨", "回家", "。"], ["小雨", "说", "。"]]
    weather = [["今天", "有", "小雨", "。"], ["明天", "也", "有", "小雨", "。"]]
    assert "小雨" in names_in_use(story, "女儿小雨回家。小雨说。")
    assert "小雨" not in names_in_use(weather, "今天有小雨。明天也有小雨。")


def test_the_given_name_of_a_name_with_a_kinship_term_is_a_name_alone() -> None:
    found = names_in_use([["叫", "她", "月娥"], ["月娥嫂", "来", "了"]], "叫她月娥\n月娥嫂来了")
    assert "月娥" in found


def test_a_noun_in_者_before_a_verb_of_saying_is_no_name() -> None:
    # "The oppressed say …" twice: 压迫者 recurs before 说, but 者 makes a
    # noun of a verb, as no name ends.
    text = ["被", "压迫者", "说", "。"], ["替", "被", "压迫者", "说", "话", "。"]
    found = names_in_use(text, "被压迫者说。替被压迫者说话。")
    assert "压迫者" not in found
    story = [["桂芬", "说", "。"], ["桂芬", "说", "好", "。"]]
    assert "桂芬" in names_in_use(story, "桂芬说。桂芬说好。")


def test_an_apposition_noun_with_儿_introduces_a_name() -> None:
    story = [["他", "老伴儿", "桂兰", "来", "了"], ["桂兰", "笑", "了"]]
    assert "桂兰" in names_in_use(story, "他老伴儿桂兰来了。桂兰笑了。")


def test_大_and_a_character_jieba_tags_as_a_name_is_one_where_used_so() -> None:
    # 大伟 is a dictionary word jieba tags nr; 大家 is no name, however often
    # it stands before 说.
    story = [["大伟", "说", "好"], ["大伟", "说", "走"]]
    assert "大伟" in names_in_use(story, "大伟说好。大伟说走。")
    crowd = [["大家", "说", "好"], ["大家", "说", "走"]]
    assert "大家" not in names_in_use(crowd, "大家说好。大家说走。")


def test_a_given_name_may_end_in_a_point_of_the_compass_or_如() -> None:
    assert name_shape("吴友如") == "family and given name"
    assert name_shape("钱志东") == "family and given name"
    assert name_shape("高于如") == ""  # a preposition opens no given name


def test_the_name_of_an_organisation_no_dictionary_lists_is_a_name_but_not_its_head() -> None:
    # 春潮 names a publisher (春潮书局) and its magazine: no card, nor 春潮 "spring
    # tide" guessed from its characters; 书局 "publishing house" is a word still.
    book = [["春", "潮", "书局", "印行", "。"], ["载", "春", "潮", "月刊", "。"]]
    found = names_in_use(book, "春潮书局印行。载春潮月刊。")
    assert "春潮" in found and not any("书局" in n for n in found)
    # A word, a verb, a count or a pronoun before the head names nothing.
    news = [
        ["头部", "科技", "公司"],
        ["跑", "到", "酒店"],
        ["两家", "出版社"],
        ["这", "家", "公司"],
    ]
    assert not names_in_use(news, "头部科技公司跑到酒店两家出版社这家公司")


def test_a_company_named_after_企业_or_公司_is_a_name_where_it_recurs() -> None:
    news = [["具身智能", "企业", "穹岳智能", "发布"], ["穹岳", "自研", "了", "芯片"]]
    news.append(["穹岳智能", "成立", "于", "2021", "年"])
    found = names_in_use(news, "具身智能企业穹岳智能发布穹岳自研了芯片穹岳智能成立于2021年")
    assert {"穹岳智能", "穹岳"} <= found
    # A name with a verb character in it, and its short form before a product.
    story = [["公司", "衡", "川", "智", "造", "在"], ["衡", "川", "智", "造", "称"]]
    assert {"衡川智造", "衡川"} <= names_in_use(story, "公司衡川智造在衡川智造称")
    # Once only, it may be anything: no name.
    once = [["企业", "穹岳智能", "发布"]]
    assert not names_in_use(once, "企业穹岳智能发布")


def test_a_quoted_name_given_to_a_product_or_venue_is_a_name() -> None:
    text = "公司开发了一套名为“溯链”的数字化平台。这是一种名为“数据飞轮”的机制。"
    found = names_in_use([["公司"]], text)
    assert "溯链" in found and "数据飞轮" not in found
    # Quoted right before the product it names; not a technique, an irony or a word.
    text = "一架“青鸢”无人机降落。攻克“卡脖子”技术，叫作“啸聚”学校，“独角兽”平台。"
    found = names_in_use([["一架"]], text)
    assert "青鸢" in found and not {"卡脖子", "啸聚", "独角兽"} & found


def test_the_trade_name_of_a_registered_company_name_is_a_name_wherever_it_stands() -> None:
    # Trade name + trade (dictionary words) + legal form, then the trade name alone.
    news = [["合肥", "的", "启衡", "循环", "科技", "有限公司", "成立"], ["启衡", "完成", "融资"]]
    found = names_in_use(news, "合肥的启衡循环科技有限公司成立启衡完成融资")
    assert "启衡" in found and not {"循环", "科技", "合肥"} & found
    # A count or a dictionary word before the trade is no trade name.
    plain = [["一家", "循环", "科技", "有限公司"], ["合肥", "有限公司"]]
    assert not names_in_use(plain, "一家循环科技有限公司合肥有限公司")


def test_a_trade_name_gets_no_card_in_a_build() -> None:
    from flashgen.config import BuildConfig, Level
    from flashgen.models import Document
    from flashgen.pipeline import plan

    text = "合肥的启衡循环科技有限公司今年扩产。启衡负责人表示，公司将拓展梯次利用业务。\n"
    docs = [Document("t", text, "t", "t")]
    cards = {
        c.simplified
        for lv in Level
        for p in plan(docs, BuildConfig(level=lv))
        for c in p.spec.cards
    }
    assert "启衡" not in cards and "循环" in cards


def test_the_given_name_of_a_full_name_found_is_a_name_alone() -> None:
    story = [["大哥", "郑", "德顺", "把", "公告", "拍", "了"], ["“", "德顺", "，", "你", "来"]]
    found = names_in_use(story, "大哥郑德顺把公告拍了。“德顺，你来")
    assert {"郑德顺", "德顺"} <= found
    # A full name no evidence shows to be one gives nothing.
    plain = [["白", "布衫", "挂", "着"], ["布衫", "破", "了"]]
    assert "布衫" not in names_in_use(plain, "白布衫挂着。布衫破了")


def test_a_kinship_term_with_a_birth_order_introduces_a_name() -> None:
    story = [["二姐", "秀", "兰", "嗑", "着", "瓜子"], ["秀", "兰", "把", "碗", "放下"]]
    assert "秀兰" in names_in_use(story, "二姐秀兰嗑着瓜子秀兰把碗放下")
    # 二手 is no kinship term: nothing after it is a name.
    trade = [["二手", "秀", "兰", "车"], ["秀", "兰", "车"]]
    assert "秀兰" not in names_in_use(trade, "二手秀兰车秀兰车")
