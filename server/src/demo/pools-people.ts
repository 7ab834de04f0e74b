/**
 * Name and title pools for demo people. Pinyin is written by hand, as it is used in email addresses
 * (ü → v), so polyphonic surnames come out right: 单 is Shan, 曾 is Zeng, 解 is Xie.
 */

/** [surname, pinyin, relative frequency]: the common ones first, a few rarer and compound ones. */
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 10], ['李', 'li', 10], ['张', 'zhang', 10], ['刘', 'liu', 8], ['陈', 'chen', 8],
  ['杨', 'yang', 6], ['黄', 'huang', 5], ['赵', 'zhao', 5], ['吴', 'wu', 4], ['周', 'zhou', 4],
  ['徐', 'xu', 3], ['孙', 'sun', 3], ['马', 'ma', 3], ['朱', 'zhu', 3], ['胡', 'hu', 3],
  ['郭', 'guo', 3], ['何', 'he', 3], ['林', 'lin', 3], ['高', 'gao', 3], ['罗', 'luo', 2.5],
  ['郑', 'zheng', 2], ['梁', 'liang', 2], ['谢', 'xie', 2], ['宋', 'song', 2], ['唐', 'tang', 2],
  ['许', 'xu', 2], ['韩', 'han', 2], ['冯', 'feng', 2], ['邓', 'deng', 2], ['曹', 'cao', 2],
  ['彭', 'peng', 1.5], ['曾', 'zeng', 1.5], ['萧', 'xiao', 1], ['田', 'tian', 1], ['董', 'dong', 1],
  ['袁', 'yuan', 1], ['潘', 'pan', 1], ['蒋', 'jiang', 1], ['蔡', 'cai', 1], ['余', 'yu', 1],
  ['杜', 'du', 1], ['叶', 'ye', 1], ['程', 'cheng', 1], ['魏', 'wei', 1], ['吕', 'lv', 1],
  ['丁', 'ding', 1], ['沈', 'shen', 1], ['任', 'ren', 1], ['姚', 'yao', 1], ['卢', 'lu', 1],
  ['钟', 'zhong', 1], ['单', 'shan', 0.6], ['解', 'xie', 0.3], ['欧阳', 'ouyang', 0.4], ['司马', 'sima', 0.1],
]

const pairs = (text: string) => text.split(' ').map((pair) => pair.split(':') as [string, string])

/** [given name, pinyin]: common real given names (one or two characters), not random character pairs. */
export const MALE_GIVEN: readonly (readonly [string, string])[] = pairs(
  '伟:wei 强:qiang 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 斌:bin 超:chao 明:ming 刚:gang 平:ping 辉:hui 鹏:peng ' +
  '华:hua 飞:fei 鑫:xin 波:bo 宇:yu 浩:hao 凯:kai 健:jian 俊:jun 帆:fan 志强:zhiqiang 建华:jianhua 建国:jianguo ' +
  '国强:guoqiang 海涛:haitao 晓东:xiaodong 文博:wenbo 子轩:zixuan 浩然:haoran 宇航:yuhang 俊杰:junjie 明辉:minghui ' +
  '永强:yongqiang 建军:jianjun 志伟:zhiwei 振华:zhenhua 文杰:wenjie 天佑:tianyou 嘉豪:jiahao 泽宇:zeyu 一鸣:yiming ' +
  '思远:siyuan 博文:bowen 立新:lixin 德明:deming 晨阳:chenyang 子豪:zihao 家俊:jiajun 鹏飞:pengfei 亚军:yajun ' +
  '春雷:chunlei 国华:guohua 少华:shaohua 卫东:weidong 宏伟:hongwei 建平:jianping 海波:haibo 晓明:xiaoming 云峰:yunfeng',
)
export const FEMALE_GIVEN: readonly (readonly [string, string])[] = pairs(
  '芳:fang 娜:na 敏:min 静:jing 丽:li 艳:yan 娟:juan 霞:xia 婷:ting 雪:xue 琳:lin 颖:ying 倩:qian 玲:ling 洁:jie ' +
  '燕:yan 莉:li 秀英:xiuying 桂英:guiying 晓燕:xiaoyan 丽娟:lijuan 海燕:haiyan 雪梅:xuemei 晓丽:xiaoli 婷婷:tingting ' +
  '欣怡:xinyi 梓涵:zihan 诗涵:shihan 雨桐:yutong 思琪:siqi 佳怡:jiayi 子涵:zihan 一诺:yinuo 晓雪:xiaoxue 文静:wenjing ' +
  '慧敏:huimin 丽华:lihua 春梅:chunmei 玉兰:yulan 美玲:meiling 雅琴:yaqin 晶晶:jingjing 梦瑶:mengyao 雨欣:yuxin ' +
  '晓红:xiaohong 淑芬:shufen 凤英:fengying 佳琪:jiaqi 紫萱:zixuan 若曦:ruoxi 婉婷:wanting 可欣:kexin 静怡:jingyi ' +
  '心怡:xinyi 梦洁:mengjie 丹丹:dandan 红梅:hongmei',
)

export const ENGLISH_MALE = [
  'James', 'John', 'Michael', 'David', 'Daniel', 'Kevin', 'Jason', 'Eric', 'Tony', 'Peter', 'Mark', 'Andrew',
  'Ryan', 'Steven', 'Brian', 'Thomas', 'William', 'Alex', 'Frank', 'Leo',
] as const
export const ENGLISH_FEMALE = [
  'Emily', 'Sarah', 'Jessica', 'Anna', 'Grace', 'Linda', 'Amy', 'Rachel', 'Sophie', 'Olivia', 'Emma', 'Helen',
  'Cindy', 'Vivian', 'Lucy', 'Karen', 'Michelle', 'Rebecca', 'Natalie', 'Claire',
] as const
export const ENGLISH_SURNAMES = [
  'Smith', 'Johnson', 'Brown', 'Miller', 'Wilson', 'Taylor', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Clark',
  'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Tan', 'Lim', 'Wong', 'Ng',
  'Schmidt', 'Fischer', 'Tanaka', 'Suzuki', 'Murphy', 'Kelly',
] as const

/** Job titles of customer-side people, weighted toward the ones a sales team talks to. */
export const CHINESE_TITLES: readonly (readonly [string, number])[] = [
  ['总经理', 3], ['副总经理', 2], ['董事长', 1], ['采购经理', 5], ['采购专员', 3], ['IT 总监', 4], ['信息中心主任', 2],
  ['技术负责人', 3], ['财务总监', 2], ['财务经理', 2], ['市场部经理', 3], ['销售总监', 3], ['运营总监', 2],
  ['行政主管', 2], ['项目经理', 3], ['人力资源经理', 1], ['CTO', 1], ['供应链经理', 1], ['客服主管', 1],
]
export const ENGLISH_TITLES: readonly (readonly [string, number])[] = [
  ['CEO', 1], ['Managing Director', 2], ['Procurement Manager', 4], ['IT Director', 3], ['CFO', 1],
  ['Head of Operations', 2], ['Sales Director', 2], ['Marketing Manager', 2], ['Project Manager', 3],
  ['CTO', 1], ['Office Manager', 1], ['Supply Chain Lead', 1],
]

/** Public mailboxes people in China (and abroad) actually use. */
export const PUBLIC_MAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 6], ['163.com', 5], ['126.com', 2], ['foxmail.com', 1], ['sina.com', 1], ['139.com', 1],
  ['outlook.com', 1], ['gmail.com', 1],
]

/** Mainland mobile network prefixes (all 13x–19x, as the phone type checks). */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '170', '173', '175', '176', '177', '178', '180', '181', '182', '183',
  '184', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199',
] as const
