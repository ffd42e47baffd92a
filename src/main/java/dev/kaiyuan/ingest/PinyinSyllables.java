package dev.kaiyuan.ingest;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;

/**
 * The inventory of standard Hanyu Pinyin syllables, and a check for whether a string is exactly
 * one of them.
 *
 * <p>A syllable may carry one tone, written either as a diacritic ({@code nǐ}, precomposed or as
 * a combining mark) or as a trailing digit 1–5 ({@code ni3}). The diacritic is accepted on any
 * vowel of the syllable rather than only where the orthography rules put it; for the nasal
 * interjections {@code m n ng hm hng}, which have no vowel, it sits on the {@code m} or
 * {@code n} ({@code ḿ}, {@code ňg}). The ü-syllables are written {@code lü lüe nü nüe} and
 * also in the keyboard spelling {@code lv lve nv nve}. Only lowercase input is accepted.
 */
public final class PinyinSyllables {

    // The standard Pinyin syllable table (Hanyu Pinyin Fang'an, 1958, as tabulated in the
    // Xiandai Hanyu Cidian), with the common rare syllables (dia den nou kei zhei shei chua rua
    // lo yo ê) and the interjections m n ng hm hng. Space-separated, toneless, NFC.
    private static final String INVENTORY = ""
            + "a o e ê ai ei ao ou an en ang eng er "
            + "yi ya yo ye yao you yan yin yang ying yong "
            + "wu wa wo wai wei wan wen wang weng yu yue yuan yun "
            + "ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu "
            + "pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu "
            + "ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu "
            + "fa fo fei fou fan fen fang feng fu "
            + "da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding "
            + "du duo dui duan dun "
            + "ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun "
            + "na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning "
            + "nu nuo nuan nü nüe "
            + "la lo le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling "
            + "lu luo luan lun lü lüe "
            + "ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang "
            + "ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang "
            + "ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang "
            + "ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun "
            + "qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun "
            + "xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun "
            + "zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong "
            + "zhu zhua zhuo zhuai zhui zhuan zhun zhuang "
            + "cha che chi chai chao chou chan chen chang cheng chong "
            + "chu chua chuo chuai chui chuan chun chuang "
            + "sha she shi shai shei shao shou shan shen shang sheng "
            + "shu shua shuo shuai shui shuan shun shuang "
            + "re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run "
            + "za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun "
            + "ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun "
            + "sa se si sai sao sou san sen sang seng song su suo sui suan sun "
            + "m n ng hm hng";

    private static final List<String> ALL = List.of(INVENTORY.split(" "));
    private static final Set<String> SET = Set.copyOf(ALL);
    private static final Set<String> NASAL_INTERJECTIONS = Set.of("m", "n", "ng", "hm", "hng");

    private static final char MACRON = '\u0304';
    private static final char ACUTE = '\u0301';
    private static final char CARON = '\u030C';
    private static final char GRAVE = '\u0300';

    private PinyinSyllables() {
    }

    /** Every syllable of the inventory, toneless and in NFC (ü as one character), table order. */
    public static List<String> all() {
        return ALL;
    }

    /**
     * Whether {@code s} is exactly one Pinyin syllable, optionally with one tone mark on a vowel
     * or one trailing tone digit 1–5. Any uppercase letter makes the answer {@code false}.
     */
    public static boolean isSyllable(String s) {
        if (s == null || s.isEmpty() || hasUpperCase(s)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last >= '1' && last <= '5') {
            String rest = s.substring(0, s.length() - 1);
            return !hasToneMark(rest) && isToneless(rest);
        }
        return isToneless(s) || isMarked(Normalizer.normalize(s, Normalizer.Form.NFD));
    }

    /** Whether {@code s} contains a Pinyin tone diacritic (macron, acute, caron or grave). */
    public static boolean hasToneMark(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        for (int i = 0; i < nfd.length(); i++) {
            if (isToneMark(nfd.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isToneless(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        return SET.contains(nfc.replace('v', 'ü'));
    }

    /** {@code nfd} with exactly one tone mark, placed right after a tone-bearing letter. */
    private static boolean isMarked(String nfd) {
        StringBuilder base = new StringBuilder(nfd.length());
        char carrier = 0;
        int marks = 0;
        char lastLetter = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (isToneMark(c)) {
                marks++;
                carrier = lastLetter;
            } else {
                base.append(c);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    lastLetter = c;
                }
            }
        }
        if (marks != 1 || !isToneless(base.toString())) {
            return false;
        }
        return "aeiouv".indexOf(carrier) >= 0
                || (carrier == 'm' || carrier == 'n') && NASAL_INTERJECTIONS.contains(base.toString());
    }

    private static boolean isToneMark(char c) {
        return c == MACRON || c == ACUTE || c == CARON || c == GRAVE;
    }

    private static boolean hasUpperCase(String s) {
        return s.codePoints().anyMatch(cp -> Character.isUpperCase(cp) || Character.isTitleCase(cp));
    }
}
