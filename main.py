"""法治报告 — entry point: the window without arguments, a command line with them.

    python main.py [FILE]                 open the program (with FILE open)
    python main.py new|show|validate|export|import ...  work headless (see ``python main.py --help``)
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import importlib.util
import re
import sys
from pathlib import Path

from models.storage import APP_VERSION

PROG = "法治报告"


# argparse's own texts (headings of the help, usage errors), in Chinese. argparse looks them up
# through its module's ``_``/``ngettext`` when it uses them; _Parser swaps these in only while it
# works, so other users of argparse in the same process are not affected.
_ARGPARSE_TEXT = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "不能是 %(value)r，可选：%(choices)s",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面最多一个值",
    "expected at least one argument": "后面至少需要一个值",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "需要参数 %s 之一",
    "ignored explicit argument %r": "多余的值 %r",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
}


@contextlib.contextmanager
def _chinese_argparse():
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: _ARGPARSE_TEXT.get(text, text)
    argparse.ngettext = lambda one, many, n: _ARGPARSE_TEXT.get(one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese, reporting a usage error as one Chinese line."""

    def __init__(self, *args, **kwargs):
        with _chinese_argparse():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args, **kwargs):
        with _chinese_argparse():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args, **kwargs):
        with _chinese_argparse():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _chinese_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _chinese_argparse():
            return super().format_help()

    def error(self, message: str):
        # Python 3.10 formats 「argument -o: …」 without asking the table above
        message = re.sub(r"^argument (.+?): ", r"参数 \1：", message)
        self.exit(2, f"{self.prog}：参数错误：{message}（用 --help 查看用法）\n")


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


# -- subcommands ---------------------------------------------------------------------------
def cmd_new(args) -> int:
    from models.report import OrganLevel
    from models.storage import save_report
    from models.templates import TemplateError, default_template_for, new_report

    if args.from_file:
        from models.rollover import next_year_report
        from models.storage import load_report
        report = next_year_report(load_report(args.from_file), keep_text=not args.clear_text)
    else:
        if not args.organ or not args.year:
            return _fail("新建报告需要 --organ（机关全称）和 --year（报告年度），或用 --from 以上年报告为基础")
        level = OrganLevel(args.level) if args.level else None
        template = args.template or default_template_for(level or OrganLevel.STREET).template_id
        try:
            report = new_report(template, args.organ, args.year, organ_level=level)
        except TemplateError as exc:
            return _fail(str(exc))
        if args.date:
            report.meta.signing_date = args.date
    out = Path(args.output)
    if out.exists() and not args.force:
        return _fail(f"文件「{out}」已存在；如要覆盖请加 --force")
    save_report(report, out, backup=False)
    print(f"已新建报告：{out}")
    return 0


def cmd_show(args) -> int:
    from models.catalogue import default_catalogue
    from models.report import format_number
    from models.storage import load_report_with_warnings

    result = load_report_with_warnings(args.file)
    report, meta = result.report, result.report.meta
    catalogue = default_catalogue()
    print(meta.effective_title.replace("\n", ""))
    print(f"发文机关：{meta.organ_name}（{meta.organ_level.label}）  报告年度：{meta.report_year}  "
          f"成文日期：{meta.signing_date_text or '未填'}")
    if meta.doc_number.format():
        print(f"发文字号：{meta.doc_number.format()}")
    print()
    print("提纲：")
    for section, level, _ in report.iter_sections():
        tag = f"  〔{section.part.label}〕" if section.part else ""
        run_in = "  （标题与正文同段）" if section.run_in else ""
        print(f"{'  ' * level}{report.label_of(section.id)}{section.heading}{tag}{run_in}"
              f"  — {len(section.paragraphs)} 段")
    print()
    print("统计指标：")
    shown = 0
    for _, cat_name, indicators in catalogue.grouped(report):
        rows = []
        for ind in indicators:
            entry = report.value_of(ind.id)
            value = catalogue.effective(report, ind.id)
            if value is None and entry.last_year is None:
                continue
            derived = "（计算）" if catalogue.is_derived(report, ind.id) else ""
            text = catalogue.written(report, ind.id) or "—"
            last = f"  上年 {format_number(entry.last_year)}" if entry.last_year is not None else ""
            rows.append(f"    {ind.id:<6}{ind.name}：{text}{ind.unit}{derived}{last}")
        if rows:
            print(f"  {cat_name}")
            print("\n".join(rows))
            shown += len(rows)
    if not shown:
        print("  （尚未填写）")
    for w in result.warnings:
        print(f"提示：{w}", file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from models.storage import load_report_with_warnings
    from models.validation import value_type_problems

    result = load_report_with_warnings(args.file)
    problems = result.warnings + value_type_problems(result.report)
    if not problems:
        print(f"「{args.file}」：文件完好，未发现问题。")
        return 0
    print(f"「{args.file}」：发现 {len(problems)} 个问题：")
    for p in problems:
        print(f"  - {p}")
    return 1


def cmd_check(args) -> int:
    import json

    from models.checks import has_errors, run_checks
    from models.checks.output import format_lines, summary, to_json_dict
    from models.storage import load_report

    report = load_report(args.file)
    last_year = load_report(args.last_year) if args.last_year else None
    problems = run_checks(report, last_year=last_year)
    if args.json:
        data = to_json_dict(problems, file=str(args.file), errors=has_errors(problems))
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        out = getattr(sys.stdout, "buffer", None)
        if out is not None:
            sys.stdout.flush()
            out.write(text.encode("utf-8"))
            out.flush()
        else:
            sys.stdout.write(text)
    else:
        print(f"「{args.file}」：{summary(problems)}。")
        for line in format_lines(problems):
            print(line)
    return 1 if has_errors(problems) else 0


def cmd_export(args) -> int:
    from models.storage import load_report

    if not args.docx and not args.xlsx:
        return _fail("请用 --docx 和/或 --xlsx 指定输出文件")
    report = load_report(args.file)
    if args.docx:
        from exporters.word import export_docx
        warnings = export_docx(report, args.docx, version=args.version) or []
        print(f"已导出 Word（{'正式版' if args.version == 'official' else '公开版'}）：{args.docx}")
        for w in warnings:
            print(f"提示：{w}", file=sys.stderr)
    if args.xlsx:
        from exporters.excel import export_xlsx
        findings = export_xlsx(report, args.xlsx)
        print(f"已导出 Excel 统计表：{args.xlsx}")
        if findings:
            print(f"提示：统计数发现 {len(findings)} 个问题，见「校验」工作表", file=sys.stderr)
    return 0


def cmd_aggregate(args) -> int:
    from exporters.excel import aggregate_xlsx

    from models.text import display_width

    interactive = sys.stderr.isatty()
    shown = [0]  # width of the progress line now on screen

    def progress(done: int, total: int, path: str) -> None:
        # One line that updates in a terminal (padded over the previous one: old Windows
        # consoles have no erase-line code); about ten lines in a log.
        if interactive:
            text = f"正在读取 {done}/{total}：{Path(path).name}"
            width = int(display_width(text) * 2)
            print("\r" + text + " " * max(0, shown[0] - width), end="", file=sys.stderr, flush=True)
            shown[0] = width
            if done == total:
                print(file=sys.stderr)
        elif done == total or done % max(1, total // 10) == 0:
            print(f"已读取 {done}/{total} 个文件", file=sys.stderr)

    result = aggregate_xlsx(args.inputs, args.output, progress=progress, year=args.year)
    print(f"已汇总 {len(result.units)} 个单位的 {result.year} 年度报告：{args.output}")
    for item in result.skipped:
        print(f"未汇总：{item.path}：{item.reason}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from importers import apply_numbers, describe, import_file, import_text
    from models.storage import save_report

    out = Path(args.output)
    if out.exists() and not args.force:
        return _fail(f"文件「{out}」已存在；如要覆盖请加 --force")
    if args.source == "-":
        from importers.text_reader import decode_text
        result = import_text(decode_text(sys.stdin.buffer.read()))
    else:
        result = import_file(args.source)
    print(f"已读取：{result.source}")
    print("\n".join(describe(result)))
    if args.apply_numbers:
        applied = apply_numbers(result)
        print(f"已填入统计指标：{sum(1 for line in applied if not line.startswith(('未采用', '不保存')))} 个")
        for line in applied:
            print(f"  {line}")
    elif result.proposals:
        print("（数字建议未填入；加 --apply-numbers 可填入统计指标）")
    for w in result.warnings:
        print(f"提示：{w}", file=sys.stderr)
    save_report(result.report, out, backup=False)
    print(f"已保存报告：{out}")
    return 0


# -- argument parsing ------------------------------------------------------------------------
def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是年份") from None
    if not 1949 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"年份 {year} 不合理")
    return year


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是日期，应写成 2024-12-20") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=f"{PROG}：法治政府建设年度情况报告的填报、检查与导出。"
                                                  "不带参数运行时打开程序窗口。")
    parser.add_argument("--version", action="version", version=f"{PROG} {APP_VERSION}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")

    p = sub.add_parser("new", help="新建报告文件", description="按模板新建报告，或以上年报告为基础新建。")
    p.add_argument("--template", help="模板：street、street_three_parts、county、department")
    p.add_argument("--organ", help="发文机关全称")
    p.add_argument("--level", choices=["street", "county", "department"], help="机关层级")
    p.add_argument("--year", type=_year, help="报告年度")
    p.add_argument("--date", type=_date, help="成文日期，如 2024-12-20")
    p.add_argument("--from", dest="from_file", metavar="上年报告.fzbg", help="以上年报告为基础")
    p.add_argument("--clear-text", action="store_true", help="与 --from 同用：清空正文（默认保留并标记待更新）")
    p.add_argument("-o", "--output", required=True, help="输出的报告文件（.fzbg）")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("show", help="显示报告提纲和指标", description="显示报告的提纲（含计算出的序号）和指标数值。")
    p.add_argument("file", metavar="报告文件", help="报告文件（.fzbg）")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("validate", help="检查报告文件本身", description="检查报告文件能否读取、数值类型是否正确；有问题时退出码为 1。")
    p.add_argument("file", metavar="报告文件", help="报告文件（.fzbg）")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("check", help="报出前检查报告内容",
                       description="检查正文数字与统计数据、指标关系、与上年比较、必备部分、日期年份、格式和字体；"
                                   "按错误、警告、提示分组列出。有错误时退出码为 1。")
    p.add_argument("file", metavar="报告文件", help="报告文件（.fzbg）")
    p.add_argument("--json", action="store_true", help="以 JSON（UTF-8）输出，供其他程序读取")
    p.add_argument("--last-year", metavar="上年报告.fzbg", help="上年的报告文件，用于与上年比较")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="导出 Word 报告和/或 Excel 统计表",
                       description="把报告导出为公文格式的 Word 文件和/或统计报表格式的 Excel 文件。")
    p.add_argument("file", metavar="报告文件", help="报告文件（.fzbg）")
    p.add_argument("--docx", metavar="OUT.docx", help="输出的 Word 文件")
    p.add_argument("--version", choices=["official", "public"], default="official",
                   help="official 正式版（含版头、版记），public 公开版（网站公开用）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="输出的 Excel 统计表")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("aggregate", help="汇总多个单位的统计数到一个 Excel 文件",
                       description="读取多个单位的报告文件（文件夹表示其中的 .fzbg 文件，不含子文件夹），"
                                   "生成汇总表；读不了的文件和重复的单位列在「未汇总文件」工作表中。")
    p.add_argument("inputs", nargs="+", metavar="文件或文件夹", help="报告文件（.fzbg）或含有报告文件的文件夹")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="输出的 Excel 汇总表")
    p.add_argument("--year", type=_year, help="汇总的报告年度（默认：多数文件的年度）")
    p.set_defaults(func=cmd_aggregate)

    p = sub.add_parser("import", help="导入上年报告（Word、网页或文字）",
                       description="从 Word 文件（.docx）、从网站保存的网页（.html、.mht）、文字文件（UTF-8 或 GBK）或网页复制的文字导入报告，"
                                   "识别标题、主送机关、各级标题、署名和日期，并按正文中的数字提出统计指标建议。")
    p.add_argument("source", metavar="来源文件", help="Word 文件（.docx）、保存的网页（.html、.mht）或文字文件（.txt）；- 表示从标准输入读取文字")
    p.add_argument("-o", "--output", required=True, help="输出的报告文件（.fzbg）")
    p.add_argument("--apply-numbers", action="store_true", help="把正文中识别出的数字填入统计指标")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=cmd_import)

    return parser


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _gui_available() -> bool:
    return importlib.util.find_spec("ui.app") is not None


def _run_gui(argv: list[str]) -> int:
    import os
    headless = (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))
    if headless:  # Qt would abort the process; say what to do instead
        return _fail("没有可用的显示器，无法打开程序窗口。可以使用命令行完成导出、检查等工作"
                     "（python main.py --help），或设置 QT_QPA_PLATFORM=offscreen。")
    try:
        from ui.app import run_app
    except ImportError as exc:
        return _fail(f"无法加载程序界面（{exc}）。请确认已按说明安装：pip install -e .")
    return run_app(argv)


def _configure_streams() -> None:
    # A Chinese Windows console is GBK: rare characters must not crash a print.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    from models.errors import UserFacingError

    _configure_streams()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    commands = set(_subcommands(parser))
    if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
        if _gui_available():
            return _run_gui(argv)
        parser.print_help()
        return 0
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except UserFacingError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("已中断。", 130)
    except BrokenPipeError:
        return _reader_went_away()


def _reader_went_away() -> int:
    """The program reading our output stopped early (``… | head``): not an error to report."""
    import os
    # Python flushes stdout again at exit; point it at nothing so that flush cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141  # what a shell reports for a command ended by SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
