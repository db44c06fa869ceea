/** Enumerations shared by every ledger (DOMAIN §3.11). The arrays are the order shown to users. */

/** GB/T 3304 order, then 其他 (97) and 外国血统中国籍人士 (98). */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
  '其他', '外国血统中国籍人士',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** 党内统计 six classes of 学历. */
export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中、中技', '初中及以下'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** 党员类别: 预备党员 have no vote (党章 第七条). */
export const MEMBER_CATEGORIES = ['正式党员', '预备党员'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** 党员状态 of a member still on the roster; leaving is a separate record (see DEPARTURE_REASONS). */
export const MEMBER_STATUSES = ['正常', '暂时转出', '流动党员', '失联', '留党察看'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Why a member moved to 历史党员. */
export const DEPARTURE_REASONS = ['转出', '停止党籍', '出党', '死亡', '其他'] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

/** 支部委员会 roles (支部条例 第六章). */
export const COMMITTEE_ROLES = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '其他委员'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** 党内职务 as kept on the roster. */
export const PARTY_POSTS = [
  '书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '统战委员', '其他委员', '党小组长', '党员',
] as const;
export type PartyPost = (typeof PARTY_POSTS)[number];

/** 党组织类别 codes of the 党员信息采集 (DOMAIN §3.2). */
export const ORGANISATION_CATEGORIES = [
  '党政机关', '国有企业', '非公有制企业', '农村', '学校', '其他事业单位', '街道社区', '社会组织', '其他',
] as const;
export type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];
