package dev.kaiyuan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic corpus of Markdown articles for benchmarks (issue #7); test scope only, so
 * nothing of it ships in the jar.
 *
 * <pre>java -cp target/test-classes dev.kaiyuan.bench.CorpusGenerator N OUT_DIR [--seed S]</pre>
 *
 * <p>Writes N files {@code YYYY-MM-DD-<slug>-<index>.md} into OUT_DIR, each with YAML front matter
 * (title, date-time 2019–2026 in UTC, 2–5 tags from a Zipf-weighted pool of 40, source with an
 * {@code example.*} URL, lang) and a body of 600–1,200 words (English words; for Chinese, vocabulary
 * items) with headings, bullet lists, links, one block quote, inline code and one table. Even
 * indexes are mostly Chinese ({@code zh-Hans}), odd ones English. Sentences name organizations and
 * models of the knowledge base ({@code seeds/data}) in English and Chinese spellings, so the entity
 * tagger has work to do.
 *
 * <p>The shape mirrors {@code gen_corpus.py} of the shared Hugo comparison. Each article comes from
 * its own {@link Random} seeded from (seed, index), so the first 1,000 files of a 10,000 corpus are
 * the 1,000 corpus, and the same seed always gives byte-identical files ({@code Random}'s algorithm
 * is fixed by its specification; nothing here depends on locale, zone or hash order). The text never
 * contains template syntax such as {@code {{} or {@code {%}.
 *
 * <p>Uses nothing but the JDK, so it runs from {@code target/test-classes} alone.
 */
public final class CorpusGenerator {
    /** A generated article: file name and Markdown text. */
    public record Generated(String fileName, String text) {
    }

    static final List<String> TAGS = List.of(
            "deepseek", "qwen", "llama", "open-weights", "policy", "mistral", "gemma",
            "claude", "gpt", "gemini", "regulation", "eu-ai-act", "china", "chips",
            "nvidia", "huawei", "inference", "training", "benchmarks", "agents", "rag",
            "multimodal", "reasoning", "safety", "alignment", "funding", "startups",
            "robotics", "coding", "fine-tuning", "quantization", "moe", "long-context",
            "datasets", "compute", "data-centers", "export-controls", "copyright",
            "open-source", "evaluation");

    /** Organizations of the knowledge base, as English text writes them. */
    static final List<String> ORGS_EN = List.of("DeepSeek", "Alibaba", "Meta", "Mistral AI", "Google",
            "Anthropic", "OpenAI", "Moonshot AI", "Zhipu AI", "Baidu", "Tencent", "MiniMax", "01.AI", "NVIDIA",
            "Microsoft", "Cohere", "Stability AI", "xAI", "Hugging Face", "Allen Institute for AI");
    /** The same kind of names as Chinese text writes them (aliases in organizations.yaml). */
    static final List<String> ORGS_ZH = List.of("深度求索", "阿里巴巴", "月之暗面", "智谱", "百度", "腾讯",
            "零一万物", "英伟达", "微软", "谷歌", "DeepSeek", "Meta", "OpenAI", "MiniMax");
    static final List<String> MODELS = List.of("DeepSeek-V3", "DeepSeek-R1", "Qwen2.5", "Qwen3", "Llama 3.1",
            "Llama 4", "Mixtral 8x22B", "Gemma 3", "Kimi K2", "GLM-4.5", "ERNIE 4.5", "MiniMax-M1", "Phi-4",
            "gpt-oss-120b", "gpt-oss-20b", "OLMo 2", "Qwen", "Llama", "Kimi", "GLM");
    static final List<String> CODE = List.of("max_tokens=4096", "torch.compile", "model.generate()",
            "--tensor-parallel-size 8", "bf16", "fp8", "top_p=0.9", "vllm serve", "GGUF", "Q4_K_M",
            "temperature=0.7", "flash_attn", "kv_cache", "AutoModelForCausalLM", "trust_remote_code=True",
            "num_experts=64", "rope_scaling", "--max-model-len 131072", "lora_rank=16", "safetensors");
    static final List<String> DOMAINS = List.of("www.example.com", "news.example.org", "blog.example.net",
            "research.example.com", "tech.example.org");
    static final List<String> OUTLETS = List.of("Example Daily", "Example News", "Example Blog",
            "Example Research", "Example Tech");

    private static final List<String> EN_SUBJ = List.of("The company", "The research team", "Analysts",
            "The new model", "Developers", "Regulators", "The open-weights release", "Industry observers",
            "The startup", "Cloud providers", "Several engineers", "The lab", "Early users", "Investors",
            "The benchmark authors", "Chip makers", "The ministry", "Independent testers", "The community",
            "Product managers");
    private static final List<String> EN_VERB = List.of("announced", "reported", "released", "benchmarked",
            "criticized", "expanded", "optimized", "open-sourced", "delayed", "integrated", "described",
            "questioned", "praised", "measured", "licensed", "deployed", "evaluated", "trained", "documented",
            "priced");
    private static final List<String> EN_OBJ = List.of("a larger context window", "new inference kernels",
            "its training data pipeline", "a mixture-of-experts architecture", "the reasoning benchmark results",
            "a cheaper API tier", "the safety evaluation report", "a distilled smaller model",
            "the export control rules", "a new data center in the region", "the tokenizer changes",
            "its reinforcement learning recipe", "the model weights under a permissive license",
            "a multimodal vision encoder", "the agent framework", "quantized checkpoints for consumer GPUs",
            "the copyright settlement terms", "a long-context retrieval test",
            "the latency numbers on standard hardware", "the compute budget for the next training run");
    private static final List<String> EN_TAIL = List.of("on Tuesday", "according to people familiar with the matter",
            "ahead of schedule", "in a detailed blog post", "despite tighter export controls",
            "after months of speculation", "in a technical report published this week",
            "at a developer conference in Beijing", "in response to user feedback", "without giving a release date",
            "while keeping prices unchanged", "for enterprise customers", "in a filing with regulators",
            "during an earnings call", "as competition in the sector intensified");
    private static final List<String> EN_CONN = List.of("However,", "Meanwhile,", "In addition,", "As a result,",
            "By contrast,", "At the same time,", "Notably,", "Still,");
    private static final List<String> EN_HEAD = List.of("Technical details", "Market reaction", "Industry impact",
            "Regulatory context", "Benchmark results", "What comes next", "Pricing and availability",
            "Training data", "Open questions", "Competitive landscape", "Hardware and compute",
            "Developer response");
    private static final List<String> EN_LINKTXT = List.of("the announcement", "the technical report",
            "the model card", "an earlier report", "the benchmark page", "the license text",
            "the official statement", "the paper");
    private static final List<String> EN_QUOTE = List.of(
            "We think open weights are the fastest way to build trust with developers.",
            "The cost of inference is falling faster than anyone predicted a year ago.",
            "Benchmarks tell only part of the story; real workloads are messier.",
            "Our priority is safety, and we will not ship before the evaluations are done.",
            "Compute remains the binding constraint for every lab in this race.");

    private static final List<String> ZH_SUBJ = List.of("该公司", "研究团队", "分析人士", "新模型", "开发者",
            "监管部门", "开源社区", "业内人士", "这家初创公司", "云服务商", "多位工程师", "实验室", "早期用户", "投资者",
            "评测机构", "芯片厂商", "有关部门", "第三方测试者", "产品团队", "行业协会");
    /** Unlike gen_corpus.py, no 今天: with a model name it dates the release to the article's day, a warning. */
    private static final List<String> ZH_ADV = List.of("近日", "此前", "正式", "已经", "正在", "进一步", "首次",
            "再次", "同时", "大幅", "悄然", "持续", "率先", "全面");
    private static final List<String> ZH_VERB = List.of("发布", "推出", "开源", "公布", "优化", "升级", "宣布",
            "测试", "部署", "调整", "披露", "更新", "扩展", "训练", "评估", "降低", "提升", "支持", "介绍", "上线");
    private static final List<String> ZH_OBJ = List.of("更长的上下文窗口", "新的推理框架", "训练数据管线",
            "混合专家架构", "推理基准测试结果", "更便宜的接口价格", "安全评估报告", "蒸馏小模型", "出口管制规则",
            "新的数据中心", "分词器", "强化学习方案", "模型权重", "多模态视觉编码器", "智能体框架", "量化版本",
            "版权和解条款", "长文本检索测试", "延迟数据", "下一轮训练的算力预算");
    private static final List<String> ZH_TAIL = List.of("，引发了广泛关注", "，业内普遍认为这将推动行业发展",
            "，但尚未公布具体时间表", "，据知情人士透露", "，并表示将继续投入", "，这一消息在社区中迅速传播",
            "，价格保持不变", "，主要面向企业客户", "，显示出国内厂商的技术实力", "，市场竞争进一步加剧",
            "，用户反馈总体积极", "，部分开发者表示担忧");
    private static final List<String> ZH_CONN = List.of("此外，", "与此同时，", "不过，", "因此，", "相比之下，",
            "值得注意的是，", "另一方面，", "总体来看，");
    private static final List<String> ZH_WORDS = List.of("模型", "算力", "芯片", "数据", "开源", "推理", "训练",
            "参数", "性能", "成本", "用户", "市场", "行业", "技术", "应用", "场景", "生态", "平台", "产品", "服务",
            "安全", "治理", "政策", "标准", "能力", "效率", "规模", "版本", "社区", "企业");
    private static final List<String> ZH_HEAD = List.of("技术细节", "市场反应", "行业影响", "监管动态", "评测结果",
            "未来展望", "价格与可用性", "训练数据", "尚待解答的问题", "竞争格局", "硬件与算力", "开发者反馈");
    private static final List<String> ZH_LINKTXT = List.of("官方公告", "技术报告", "模型卡片", "此前报道", "评测页面",
            "许可证全文", "官方声明", "论文");
    private static final List<String> ZH_QUOTE = List.of("我们认为开放权重是与开发者建立信任的最快方式。",
            "推理成本下降的速度超出了一年前所有人的预期。", "基准测试只能说明一部分问题，真实的业务场景要复杂得多。",
            "安全是我们的首要任务，评估完成之前我们不会发布。", "算力仍然是每一家实验室在这场竞赛中面临的最大约束。");

    private static final LocalDateTime START = LocalDateTime.of(2019, 1, 1, 0, 0);
    /** Seconds from 2019-01-01 to 2027-01-01. */
    private static final long SPAN = java.time.Duration.between(START, LocalDateTime.of(2027, 1, 1, 0, 0)).getSeconds();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int n = -1;
        Path out = null;
        String seed = "42";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                seed = args[++i];
            } else if (n < 0 && args[i].matches("\\d+")) {
                n = Integer.parseInt(args[i]);
            } else if (out == null && n >= 0) {
                out = Path.of(args[i]);
            } else {
                usage(System.err);
                System.exit(2);
            }
        }
        if (n < 0 || out == null) {
            usage(System.err);
            System.exit(2);
        }
        long bytes = write(n, out, seed);
        System.err.printf(Locale.ROOT, "wrote %d articles, %d bytes to %s%n", n, bytes, out);
    }

    private static void usage(PrintStream err) {
        err.println("usage: CorpusGenerator N OUT_DIR [--seed S]   (seed default 42)");
    }

    /** Writes articles 0 … n-1 into {@code out} (created if missing); returns the bytes written. */
    public static long write(int n, Path out, String seed) throws IOException {
        Files.createDirectories(out);
        long total = 0;
        for (int i = 0; i < n; i++) {
            Generated g = article(seed, i);
            byte[] data = g.text().getBytes(StandardCharsets.UTF_8);
            Files.write(out.resolve(g.fileName()), data);
            total += data.length;
        }
        return total;
    }

    /** Article {@code index} of the corpus of {@code seed}: the same arguments always give the same article. */
    public static Generated article(String seed, int index) {
        return new Writer(new Random(mix(fnv(seed), index)), index).article();
    }

    /** FNV-1a of the seed's UTF-8 bytes: a string seed like Python's, stable everywhere. */
    static long fnv(String seed) {
        long h = 0xcbf29ce484222325L;
        for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser of (seed, index), so neighbouring indexes get unrelated streams. */
    static long mix(long seed, int index) {
        long z = seed + 0x9e3779b97f4a7c15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static String slugify(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch < 128 && Character.isLetterOrDigit(ch)) {
                out.append(ch);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    /** One article's random choices; not thread-safe, used once. */
    private static final class Writer {
        private final Random r;
        private final int index;
        private final boolean en;
        private int words;

        Writer(Random r, int index) {
            this.r = r;
            this.index = index;
            this.en = index % 2 == 1;
        }

        private <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        private int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        private List<String> sample(List<String> from, int k) {
            List<String> copy = new ArrayList<>(from);
            for (int i = copy.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                String t = copy.get(i);
                copy.set(i, copy.get(j));
                copy.set(j, t);
            }
            return copy.subList(0, k);
        }

        private String org() {
            return pick(en ? ORGS_EN : ORGS_ZH);
        }

        private String link(String text) {
            return String.format(Locale.ROOT, "[%s](https://%s/%d/%02d/%s-%d)", text, pick(DOMAINS),
                    between(2019, 2026), between(1, 12), slugify(pick(MODELS)), between(100, 99999));
        }

        private String code() {
            return "`" + pick(CODE) + "`";
        }

        private String sentence() {
            return en ? englishSentence() : chineseSentence();
        }

        private String englishSentence() {
            List<String> parts = new ArrayList<>();
            if (r.nextDouble() < 0.3) {
                parts.add(pick(EN_CONN));
            }
            double who = r.nextDouble();
            String subject = who < 0.25 ? org() : who < 0.4 ? "The " + pick(MODELS) + " team" : pick(EN_SUBJ);
            if (!parts.isEmpty() && subject.startsWith("The ")) {
                subject = "the " + subject.substring(4);
            }
            parts.add(subject);
            parts.add(pick(EN_VERB));
            parts.add(pick(EN_OBJ));
            double x = r.nextDouble();
            if (x < 0.12) {
                parts.add("using " + code());
            } else if (x < 0.22) {
                parts.add("as described in " + link(pick(EN_LINKTXT)));
            } else if (x < 0.34) {
                parts.add("for **" + pick(MODELS) + "**");
            } else if (x < 0.42) {
                parts.add("together with " + org());
            }
            parts.add(pick(EN_TAIL));
            String s = String.join(" ", parts) + ".";
            words += s.split(" ").length;
            return s;
        }

        private String chineseSentence() {
            StringBuilder s = new StringBuilder();
            if (r.nextDouble() < 0.3) {
                s.append(pick(ZH_CONN));
                words++;
            }
            double who = r.nextDouble();
            s.append(who < 0.3 ? org() : pick(ZH_SUBJ)).append(pick(ZH_ADV)).append(pick(ZH_VERB));
            if (r.nextDouble() < 0.4) {
                s.append(' ').append(pick(MODELS)).append(' ');
                words++;
            }
            s.append(pick(ZH_OBJ));
            words += 4;
            double x = r.nextDouble();
            if (x < 0.12) {
                s.append("（配置为 ").append(code()).append("）");
                words += 2;
            } else if (x < 0.22) {
                s.append("，详见").append(link(pick(ZH_LINKTXT)));
                words += 2;
            } else if (x < 0.30) {
                s.append("，**").append(pick(MODELS)).append("**");
                words++;
            }
            s.append(pick(ZH_TAIL));
            words += 4;
            if (r.nextDouble() < 0.5) {
                s.append("，").append(String.join("、", sample(ZH_WORDS, between(2, 4)))).append("等方面均有变化");
                words += 5;
            }
            return s.append("。").toString();
        }

        private String paragraph() {
            int n = between(3, 6);
            List<String> sentences = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sentences.add(sentence());
            }
            return String.join(en ? " " : "", sentences);
        }

        private String bullets() {
            List<String> items = new ArrayList<>();
            for (int i = between(3, 6); i > 0; i--) {
                String s;
                if (en) {
                    s = pick(EN_SUBJ) + " " + pick(EN_VERB) + " " + pick(EN_OBJ);
                    words += s.split(" ").length;
                } else {
                    s = pick(ZH_SUBJ) + pick(ZH_VERB) + pick(ZH_OBJ);
                    words += 3;
                }
                if (r.nextDouble() < 0.25) {
                    s += en ? " (" + code() + ")" : "（" + code() + "）";
                }
                items.add("- " + s);
            }
            return String.join("\n", items);
        }

        private String table() {
            List<String> lines = new ArrayList<>();
            lines.add(en ? "| Model | Parameters | Context | Score | License |" : "| 模型 | 参数量 | 上下文长度 | 得分 | 许可证 |");
            lines.add("| --- | ---: | ---: | ---: | --- |");
            List<String> licenses = en ? List.of("Apache-2.0", "MIT", "custom", "proprietary")
                    : List.of("Apache-2.0", "MIT", "自定义", "闭源");
            for (String m : sample(MODELS, between(3, 7))) {
                lines.add(String.format(Locale.ROOT, "| %s | %dB | %dK | %.1f | %s |", m,
                        pick(List.of(7, 8, 14, 32, 70, 72, 236, 405, 671)), pick(List.of(8, 32, 128, 256, 1000)),
                        40 + 55 * r.nextDouble(), pick(licenses)));
                words += 5;
            }
            return String.join("\n", lines);
        }

        private String quote() {
            String q = pick(en ? EN_QUOTE : ZH_QUOTE);
            words += en ? q.split(" ").length : 12;
            return "> " + q + "\n>\n> — " + org();
        }

        private List<String> tags() {
            double[] cumulative = new double[TAGS.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += 1.0 / Math.pow(i + 1, 0.8);
                cumulative[i] = sum;
            }
            List<String> tags = new ArrayList<>();
            int n = between(2, 5);
            while (tags.size() < n) {
                double x = r.nextDouble() * sum;
                int i = 0;
                while (i < cumulative.length - 1 && cumulative[i] <= x) {
                    i++;
                }
                if (!tags.contains(TAGS.get(i))) {
                    tags.add(TAGS.get(i));
                }
            }
            return tags;
        }

        private String title(String org, String model) {
            if (en) {
                return switch (r.nextInt(4)) {
                    case 0 -> org + " releases " + model + " with " + pick(EN_OBJ);
                    case 1 -> org + ": what the new " + model + " means for developers";
                    case 2 -> "Why " + org + " bet on " + pick(EN_OBJ);
                    default -> org + " and " + model + ": a closer look at " + pick(EN_OBJ);
                };
            }
            return switch (r.nextInt(4)) {
                case 0 -> org + "发布" + model + "：" + pick(ZH_OBJ);
                case 1 -> org + pick(ZH_ADV) + pick(ZH_VERB) + pick(ZH_OBJ);
                case 2 -> "深度解读：" + org + "的" + model + "意味着什么";
                default -> org + "与" + model + "：" + pick(ZH_HEAD);
            };
        }

        Generated article() {
            LocalDateTime date = START.plusSeconds((long) (r.nextDouble() * SPAN));
            String org = org();
            String model = pick(MODELS);
            List<String> tags = tags();
            String title = title(org, model);
            String slug = slugify(model);
            slug = slug.isEmpty() ? "article" : slug.substring(0, Math.min(40, slug.length()));
            int site = r.nextInt(DOMAINS.size());
            String url = String.format(Locale.ROOT, "https://%s/%d/%02d/%s-%d", DOMAINS.get(site), date.getYear(),
                    date.getMonthValue(), slug, index);
            int target = between(600, 1200);
            List<String> heads = sample(en ? EN_HEAD : ZH_HEAD, (en ? EN_HEAD : ZH_HEAD).size());

            List<String> blocks = new ArrayList<>(List.of(paragraph(), paragraph()));
            int quoteAt = between(1, 3);
            int tableAt = between(1, 3);
            int section = 0;
            while (words < target || section < 3) {
                section++;
                blocks.add("## " + heads.get((section - 1) % heads.size()));
                blocks.add(paragraph());
                if (section == quoteAt) {
                    blocks.add(quote());
                }
                if (section == tableAt) {
                    blocks.add(table());
                }
                if (r.nextDouble() < 0.5) {
                    blocks.add(bullets());
                }
                if (r.nextDouble() < 0.6 && words < target) {
                    blocks.add(paragraph());
                }
                if (section > 40) {
                    break;
                }
            }
            String frontMatter = String.join("\n", "---",
                    "title: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                    "date: " + DATE_TIME.format(date),
                    "tags: [" + String.join(", ", tags) + "]",
                    "source: {name: \"" + OUTLETS.get(site) + "\", url: \"" + url + "\"}",
                    "lang: " + (en ? "en" : "zh-Hans"),
                    "---", "", "");
            String name = String.format(Locale.ROOT, "%s-%s-%05d.md", DAY.format(date), slug, index);
            return new Generated(name, frontMatter + String.join("\n\n", blocks) + "\n");
        }
    }
}
