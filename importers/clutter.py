"""Web-page clutter around a report copied from a government website.

Only the head (before the body starts) and the tail (after the date, or after
the last paragraph) are searched; nothing inside the body is ever dropped.
"""
from __future__ import annotations

import re

# A line that starts like this is page furniture, not report text.
_STARTS = re.compile(
    r"^(?:[【\[（(]\s*)?(?:"
    r"(?:您|你)?(?:当前|现在)?(?:所在|所处)?(?:的)?位置|首\s*页\s*(?:[>＞»›/]|$)|"
    r"(?:发布|发表|更新|公开|生成|成文|印发|信息)(?:日期|时间)\s*[:：]|(?:信息|文章|稿件)?来\s*源\s*[:：]|"
    r"浏览(?:量|次数|数)?\s*[:：]|阅读(?:量|数|次数)?\s*[:：]|点击(?:量|数|率|次数)?\s*[:：]|"
    r"访问(?:量|次数|总数|人次)|分享到|分享\s*[:：]|字[体号]\s*[:：]|索引号|发布机构|发文机关\s*[:：]|"
    r"主题分类|体裁分类|服务对象\s*[:：]|(?:文件|信息)?名\s*称\s*[:：]|有\s*效\s*性\s*[:：]|主\s*题\s*词\s*[:：]|"
    r"时\s*间\s*[:：]\s*\d{4}|附件下载|相关附件|作者\s*[:：]|责任编辑|编辑\s*[:：]|审核\s*[:：]|扫一扫|打印(?:本页|此页|文章)?\s*$|"
    r"关闭(?:窗口|本页)?\s*$|上一篇|下一篇|相关(?:文章|链接|阅读|新闻|信息|附件|文件)|附件\s*[:：]?\s*$|"
    r"联系我们|友情链接|站点地图|网站地图|主办\s*(?:单位)?\s*[:：]|承办\s*(?:单位)?\s*[:：]|"
    r"技术支持|版权所有|copyright|建议使用|无障碍|长者模式|适老化|返回顶部|网站声明|隐私声明|"
    r"今天是|政府网站找错|我要纠错|【?\s*打印\s*】|【?\s*关闭\s*】|"
    r"大\s*中\s*小\s*$|扫描?二维码|字[体号]\s*[：:]?\s*[【\[]?\s*大)",
    re.IGNORECASE)
# Share buttons: a line made only of the names of social platforms.
_SHARE = re.compile(r"^(?:分享到\s*[:：]?)?(?:[\s|｜、,，]*(?:微信|微博|QQ空间|QQ|朋友圈|抖音|头条|复制链接))+\s*$")
# A row of page buttons: 【打印本页】【关闭窗口】, [打印] [关闭], 【加入收藏】 返回顶部.
_BUTTONS = re.compile(
    r"^(?:[\s|｜]*[【\[〔]?\s*(?:我要)?(?:打\s*印|关\s*闭|加入收藏|收\s*藏|返\s*回|保\s*存|纠\s*错)"
    r"(?:本页|此页|窗口|文章|顶部|列表|首页)?\s*[】\]〕]?)+\s*$")
# A navigation bar: three or more short items between separators (首页 | 政务公开 | 互动交流).
_NAV_BAR = re.compile(r"^(?:[^\s|｜]{1,8}\s*[|｜]\s*){2,}[^\s|｜]{1,8}$")
# Anywhere in the line: site registration numbers of Chinese websites.
_ANYWHERE = re.compile(r"ICP\s*备|公网安备|网站标识码|ICP证|©")
# A navigation bar without separators: 首页 政务公开 政务服务 互动交流.
_NAV_WORDS = re.compile(r"^首\s*页(?:[\s|｜]+[^\s|｜，。；：:]{1,8}){2,}$")
# A download link under the report: 青川县2024年法治政府建设报告.pdf
_FILE_LINK = re.compile(r"^\S.{0,80}\.(?:pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z)(?:\s*[（(][^）)]{0,20}[）)])?$", re.IGNORECASE)
# The site's banner: 青川县人民政府门户网站, 中国政府网.
_SITE_NAME = re.compile(r"^[^\s，。；：:]{2,30}(?:门户网站|政府网|网站)$")
# A site's menu and column names standing alone above the article (通知公告 also ends like a title).
_MENU = re.compile(
    r"^(?:政务公开|政府信息公开|信息公开(?:目录|指南|年报)?|法定主动公开内容|主动公开|通知公告|公告公示|工作动态|"
    r"新闻(?:中心|动态|发布)|政策(?:文件|法规|解读)|互动交流|政务服务|办事服务|机构职能|领导信息|规划计划|"
    r"法治政府建设|依法行政|年度报告|其他信息|专题专栏|走进\S{1,6})$")
# A line made only of separators, bullets or bracketed buttons.
_ONLY_MARKS = re.compile(r"^[\s|｜·•>＞»\-—_=*#【】\[\]（）()]*$")


def is_clutter(text: str) -> bool:
    """True when ``text`` (one stripped line) is web-page furniture."""
    t = text.strip()
    if not t:
        return True
    return bool(_STARTS.match(t) or _SHARE.match(t) or _BUTTONS.match(t) or _NAV_BAR.match(t) or _NAV_WORDS.match(t)
                or _FILE_LINK.match(t) or _SITE_NAME.match(t) or _MENU.match(t) or _ANYWHERE.search(t) or _ONLY_MARKS.match(t))
