/** Cities for demo addresses, landlines and owner territories. */

/** Sales territory a city falls in; matched against the demo teams. */
export type Region = 'east' | 'north' | 'south' | 'west' | 'central' | 'global'

export interface ChinaCity {
  name: string
  /** Pinyin, lower case: company domains and English company names. */
  latin: string
  province: string
  /** Landline area code and the digits local numbers there start with. */
  areaCode: string
  landlineStarts: string
  postcode: string
  districts: readonly string[]
  region: Region
  weight: number
}

const city = (
  name: string, latin: string, province: string, areaCode: string, landlineStarts: string, postcode: string,
  districts: string, region: Region, weight: number,
): ChinaCity => ({ name, latin, province, areaCode, landlineStarts, postcode, districts: districts.split(' '), region, weight })

export const CHINA_CITIES: readonly ChinaCity[] = [
  city('上海', 'shanghai', '上海市', '021', '56', '200', '浦东新区 徐汇区 静安区 长宁区 闵行区 杨浦区', 'east', 10),
  city('北京', 'beijing', '北京市', '010', '68', '100', '朝阳区 海淀区 东城区 西城区 丰台区 大兴区', 'north', 10),
  city('深圳', 'shenzhen', '广东省', '0755', '28', '518', '南山区 福田区 罗湖区 宝安区 龙岗区', 'south', 8),
  city('广州', 'guangzhou', '广东省', '020', '38', '510', '天河区 越秀区 海珠区 番禺区 黄埔区', 'south', 7),
  city('杭州', 'hangzhou', '浙江省', '0571', '58', '310', '西湖区 滨江区 余杭区 拱墅区 上城区', 'east', 7),
  city('成都', 'chengdu', '四川省', '028', '68', '610', '武侯区 锦江区 青羊区 成华区 郫都区', 'west', 5),
  city('南京', 'nanjing', '江苏省', '025', '58', '210', '鼓楼区 玄武区 建邺区 江宁区 秦淮区', 'east', 5),
  city('苏州', 'suzhou', '江苏省', '0512', '6', '215', '工业园区 姑苏区 吴中区 相城区 虎丘区', 'east', 5),
  city('武汉', 'wuhan', '湖北省', '027', '58', '430', '江汉区 武昌区 洪山区 江岸区 汉阳区', 'central', 4),
  city('西安', 'xian', '陕西省', '029', '8', '710', '雁塔区 碑林区 未央区 长安区', 'west', 3),
  city('天津', 'tianjin', '天津市', '022', '28', '300', '和平区 河西区 南开区 滨海新区', 'north', 3),
  city('重庆', 'chongqing', '重庆市', '023', '6', '400', '渝中区 江北区 渝北区 南岸区', 'west', 3),
  city('青岛', 'qingdao', '山东省', '0532', '8', '266', '市南区 市北区 崂山区 黄岛区', 'north', 2),
  city('济南', 'jinan', '山东省', '0531', '8', '250', '历下区 市中区 槐荫区 历城区', 'north', 2),
  city('厦门', 'xiamen', '福建省', '0592', '5', '361', '思明区 湖里区 集美区', 'south', 2),
  city('长沙', 'changsha', '湖南省', '0731', '8', '410', '岳麓区 芙蓉区 天心区 开福区', 'central', 2),
  city('郑州', 'zhengzhou', '河南省', '0371', '6', '450', '金水区 二七区 中原区 管城回族区', 'central', 2),
  city('合肥', 'hefei', '安徽省', '0551', '6', '230', '蜀山区 包河区 庐阳区 瑶海区', 'east', 2),
  city('宁波', 'ningbo', '浙江省', '0574', '8', '315', '鄞州区 海曙区 江北区 北仑区', 'east', 2),
  city('东莞', 'dongguan', '广东省', '0769', '2', '523', '南城街道 东城街道 松山湖 长安镇', 'south', 2),
  city('沈阳', 'shenyang', '辽宁省', '024', '2', '110', '和平区 沈河区 浑南区 皇姑区', 'north', 1),
  city('大连', 'dalian', '辽宁省', '0411', '8', '116', '中山区 沙河口区 甘井子区 西岗区', 'north', 1),
]

export const CHINA_CITY_WEIGHTS = CHINA_CITIES.map((c) => [c, c.weight] as const)

export const STREETS = [
  '人民路', '中山路', '建设路', '解放路', '科技园路', '创新大道', '长江路', '和平路', '新华路', '世纪大道',
  '软件园路', '金融街', '高新大道', '滨江大道', '工业园路', '学府路', '文化路', '复兴路',
] as const
export const BUILDINGS = ['大厦', '中心', '广场', '科技园', '国际中心', '创业园'] as const

export interface ForeignCity {
  city: string
  country: string
  streets: readonly string[]
  postcodes: readonly string[]
  /** Phone templates; every `x` becomes a digit. */
  landline: string
  mobile: string
  /** Company-name suffixes and the web domain ending used there. */
  suffixes: readonly string[]
  tld: string
}

export const FOREIGN_CITIES: readonly ForeignCity[] = [
  { city: 'Singapore', country: 'Singapore', streets: ['Raffles Place', 'Marina Boulevard', 'Shenton Way', 'Anson Road'],
    postcodes: ['048616', '018989', '068807', '079903'], landline: '+65 6xxx xxxx', mobile: '+65 9xxx xxxx',
    suffixes: ['Pte. Ltd.'], tld: '.com.sg' },
  { city: 'Hong Kong', country: 'Hong Kong SAR', streets: ["Queen's Road Central", 'Des Voeux Road', 'Canton Road', 'Harbour Road'],
    postcodes: [], landline: '+852 2xxx xxxx', mobile: '+852 9xxx xxxx', suffixes: ['Limited', 'Holdings Limited'], tld: '.com.hk' },
  { city: 'Tokyo', country: 'Japan', streets: ['Marunouchi, Chiyoda-ku', 'Shibuya, Shibuya-ku', 'Roppongi, Minato-ku'],
    postcodes: ['100-0005', '150-0002', '106-0032'], landline: '+81 3-xxxx-xxxx', mobile: '+81 90-xxxx-xxxx',
    suffixes: ['K.K.', 'Co., Ltd.'], tld: '.co.jp' },
  { city: 'London', country: 'United Kingdom', streets: ['King William Street', 'Bishopsgate', 'Fleet Street', 'Canada Square'],
    postcodes: ['EC4N 7AF', 'EC2M 4QP', 'EC4A 2DY', 'E14 5AB'], landline: '+44 20 7xxx xxxx', mobile: '+44 7xxx xxxxxx',
    suffixes: ['Ltd', 'plc'], tld: '.co.uk' },
  // US area codes 3xx–9xx only: "+1 2xx…" has 11 digits starting "12" and the phone type reads it as a bad mainland mobile.
  { city: 'San Francisco', country: 'United States', streets: ['Market Street', 'Mission Street', 'Howard Street', 'California Street'],
    postcodes: ['94103', '94105', '94111'], landline: '+1 415-xxx-xxxx', mobile: '+1 628-xxx-xxxx',
    suffixes: ['Inc.', 'LLC', 'Corp.'], tld: '.com' },
  { city: 'Frankfurt', country: 'Germany', streets: ['Mainzer Landstraße', 'Taunusanlage', 'Neue Mainzer Straße'],
    postcodes: ['60311', '60325', '60329'], landline: '+49 69 xxxxxxxx', mobile: '+49 151 xxxxxxxx',
    suffixes: ['GmbH', 'AG'], tld: '.de' },
  { city: 'Sydney', country: 'Australia', streets: ['George Street', 'Pitt Street', 'Kent Street'],
    postcodes: ['2000'], landline: '+61 2 xxxx xxxx', mobile: '+61 4xx xxx xxx', suffixes: ['Pty Ltd'], tld: '.com.au' },
]
