// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Test double of an Aave v3 Pool for Forecaster.Chain's tests against a real node: it emits the Pool's events with their
// exact signatures (so topic0 and the indexed/non-indexed layout match mainnet) and accrues interest the way Aave v3 does:
// each action first brings the reserve's indexes forward (liquidity index linearly, variable borrow index with the
// three-term compounding approximation), emits ReserveDataUpdated, and mints or burns scaled balances (amount / index,
// rounded half up). aToken and debt token totalSupply() are the scaled totals times the index brought to the current
// block, as getReserveData + totalSupply() report on mainnet, so reconciliation has something true to compare.
// Rates are set by the test (setRates) instead of an interest rate strategy, and there is no reserve factor.

library RayMath {
    uint256 internal constant RAY = 1e27;
    uint256 internal constant HALF_RAY = RAY / 2;
    uint256 internal constant SECONDS_PER_YEAR = 365 days;

    function rayMul(uint256 a, uint256 b) internal pure returns (uint256) { return (a * b + HALF_RAY) / RAY; }

    function rayDiv(uint256 a, uint256 b) internal pure returns (uint256) { return (a * RAY + b / 2) / b; }

    function linearInterest(uint256 rate, uint256 elapsed) internal pure returns (uint256) {
        return RAY + rate * elapsed / SECONDS_PER_YEAR;
    }

    // (1 + r/year)^n by its first four binomial terms, each truncated as Aave v3's MathUtils does.
    function compoundedInterest(uint256 rate, uint256 n) internal pure returns (uint256) {
        if (n == 0) return RAY;
        uint256 nMinusTwo = n > 2 ? n - 2 : 0;
        uint256 square = rayMul(rate, rate) / (SECONDS_PER_YEAR * SECONDS_PER_YEAR);
        uint256 cube = rayMul(square, rate) / SECONDS_PER_YEAR;
        return RAY + rate * n / SECONDS_PER_YEAR + n * (n - 1) * square / 2 + n * (n - 1) * nMinusTwo * cube / 6;
    }
}

contract MockToken {
    uint8 private constant UNDERLYING = 0;
    uint8 private constant ATOKEN = 1;
    uint8 private constant DEBT = 2;

    string public symbol;
    uint8 public decimals;
    address public immutable pool;
    address public immutable asset;
    uint8 public immutable kind;
    uint256 public scaledTotalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(string memory symbol_, uint8 decimals_, address asset_, uint8 kind_) {
        symbol = symbol_;
        decimals = decimals_;
        pool = msg.sender;
        asset = asset_;
        kind = kind_;
    }

    modifier onlyPool() {
        require(msg.sender == pool, "only pool");
        _;
    }

    function totalSupply() external view returns (uint256) {
        if (kind == ATOKEN) return RayMath.rayMul(scaledTotalSupply, MockAaveV3Pool(pool).getReserveNormalizedIncome(asset));
        if (kind == DEBT) return RayMath.rayMul(scaledTotalSupply, MockAaveV3Pool(pool).getReserveNormalizedVariableDebt(asset));
        return scaledTotalSupply;
    }

    // The mock keeps no per-holder balances, so its mint and burn Transfers carry the principal amount (a real aToken adds
    // the holder's interest accrued since their last action).
    function mint(address to, uint256 amount, uint256 index) external onlyPool {
        scaledTotalSupply += RayMath.rayDiv(amount, index);
        if (kind == ATOKEN) emit Transfer(address(0), to, amount);
    }

    function burn(address from, uint256 amount, uint256 index) external onlyPool {
        scaledTotalSupply -= RayMath.rayDiv(amount, index);
        if (kind == ATOKEN) emit Transfer(from, address(0), amount);
    }

    // A transfer between holders: the total does not change.
    function move(address from, address to, uint256 amount) external onlyPool { emit Transfer(from, to, amount); }

    // Changes the total without any event, so a test has a drift to find.
    function skew(int256 scaledDelta) external onlyPool {
        scaledTotalSupply = uint256(int256(scaledTotalSupply) + scaledDelta);
    }
}

contract MockAaveV3Pool {
    using RayMath for uint256;

    struct ReserveConfigurationMap { uint256 data; }

    // Field order and types of Aave v3.0 DataTypes.ReserveData, so an ABI reader of the real pool reads this one.
    struct ReserveData {
        ReserveConfigurationMap configuration;
        uint128 liquidityIndex;
        uint128 currentLiquidityRate;
        uint128 variableBorrowIndex;
        uint128 currentVariableBorrowRate;
        uint128 currentStableBorrowRate;
        uint40 lastUpdateTimestamp;
        uint16 id;
        address aTokenAddress;
        address stableDebtTokenAddress;
        address variableDebtTokenAddress;
        address interestRateStrategyAddress;
        uint128 accruedToTreasury;
        uint128 unbacked;
        uint128 isolationModeTotalDebt;
    }

    event Supply(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint16 indexed referralCode);
    event Withdraw(address indexed reserve, address indexed user, address indexed to, uint256 amount);
    event Borrow(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint8 interestRateMode, uint256 borrowRate, uint16 indexed referralCode);
    event Repay(address indexed reserve, address indexed user, address indexed repayer, uint256 amount, bool useATokens);
    event LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed user, uint256 debtToCover, uint256 liquidatedCollateralAmount, address liquidator, bool receiveAToken);
    event FlashLoan(address indexed target, address initiator, address indexed asset, uint256 amount, uint8 interestRateMode, uint256 premium, uint16 indexed referralCode);
    event MintedToTreasury(address indexed reserve, uint256 amountMinted);
    event ReserveDataUpdated(address indexed reserve, uint256 liquidityRate, uint256 stableBorrowRate, uint256 variableBorrowRate, uint256 liquidityIndex, uint256 variableBorrowIndex);

    address[] private _reserves;
    mapping(address => ReserveData) private _data;

    function addReserve(string calldata symbol, uint8 decimals) external returns (address asset) {
        asset = address(new MockToken(symbol, decimals, address(0), 0));
        ReserveData storage d = _data[asset];
        d.liquidityIndex = uint128(RayMath.RAY);
        d.variableBorrowIndex = uint128(RayMath.RAY);
        d.lastUpdateTimestamp = uint40(block.timestamp);
        d.id = uint16(_reserves.length);
        d.aTokenAddress = address(new MockToken(string.concat("a", symbol), decimals, asset, 1));
        d.stableDebtTokenAddress = address(new MockToken(string.concat("sd", symbol), decimals, asset, 3));
        d.variableDebtTokenAddress = address(new MockToken(string.concat("vd", symbol), decimals, asset, 2));
        _reserves.push(asset);
    }

    function getReservesList() external view returns (address[] memory) { return _reserves; }

    function getReserveData(address asset) external view returns (ReserveData memory) { return _data[asset]; }

    function getReserveNormalizedIncome(address asset) public view returns (uint256) {
        ReserveData storage d = _data[asset];
        return RayMath.linearInterest(d.currentLiquidityRate, block.timestamp - d.lastUpdateTimestamp).rayMul(d.liquidityIndex);
    }

    function getReserveNormalizedVariableDebt(address asset) public view returns (uint256) {
        ReserveData storage d = _data[asset];
        return RayMath.compoundedInterest(d.currentVariableBorrowRate, block.timestamp - d.lastUpdateTimestamp).rayMul(d.variableBorrowIndex);
    }

    // Stands in for the interest rate strategy: the rates apply from this block on, to interest accrued until now at the old ones.
    function setRates(address asset, uint128 liquidityRate, uint128 variableBorrowRate) external {
        _updateState(asset);
        _data[asset].currentLiquidityRate = liquidityRate;
        _data[asset].currentVariableBorrowRate = variableBorrowRate;
        _emitUpdated(asset);
    }

    function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external {
        ReserveData storage d = _updateState(asset);
        _emitUpdated(asset);
        MockToken(d.aTokenAddress).mint(onBehalfOf, amount, d.liquidityIndex);
        emit Supply(asset, msg.sender, onBehalfOf, amount, referralCode);
    }

    function withdraw(address asset, uint256 amount, address to) external {
        ReserveData storage d = _updateState(asset);
        _emitUpdated(asset);
        MockToken(d.aTokenAddress).burn(msg.sender, amount, d.liquidityIndex);
        emit Withdraw(asset, msg.sender, to, amount);
    }

    function borrow(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external {
        ReserveData storage d = _updateState(asset);
        MockToken(d.variableDebtTokenAddress).mint(onBehalfOf, amount, d.variableBorrowIndex);
        _emitUpdated(asset);
        emit Borrow(asset, msg.sender, onBehalfOf, amount, 2, d.currentVariableBorrowRate, referralCode);
    }

    // With aTokens, the caller's aTokens are burned, as Aave v3's executeRepay burns msg.sender's (repayWithATokens
    // repays only the caller's own debt; the mock lets a test name another borrower, so repayer and user can differ).
    function repay(address asset, uint256 amount, address onBehalfOf, bool useATokens) external {
        ReserveData storage d = _updateState(asset);
        MockToken(d.variableDebtTokenAddress).burn(onBehalfOf, amount, d.variableBorrowIndex);
        if (useATokens) MockToken(d.aTokenAddress).burn(msg.sender, amount, d.liquidityIndex);
        _emitUpdated(asset);
        emit Repay(asset, onBehalfOf, msg.sender, amount, useATokens);
    }

    // As Aave v3's executeLiquidationCall: the seized collateral (the event's amount, the protocol fee excluded) is burned
    // from the user, its underlying going to the liquidator, or with receiveAToken moved to the liquidator as aTokens; the
    // protocol's fee, when there is one, is a transfer of the user's aTokens to the treasury (transferOnLiquidation).
    function liquidationCall(address collateralAsset, address debtAsset, address user, uint256 debtToCover, uint256 collateralAmount,
        bool receiveAToken, address treasury, uint256 protocolFee) external {
        ReserveData storage debt = _updateState(debtAsset);
        MockToken(debt.variableDebtTokenAddress).burn(user, debtToCover, debt.variableBorrowIndex);
        _emitUpdated(debtAsset);
        ReserveData storage collateral = _updateState(collateralAsset);
        _emitUpdated(collateralAsset);
        if (receiveAToken) MockToken(collateral.aTokenAddress).move(user, msg.sender, collateralAmount);
        else MockToken(collateral.aTokenAddress).burn(user, collateralAmount, collateral.liquidityIndex);
        if (protocolFee != 0) MockToken(collateral.aTokenAddress).move(user, treasury, protocolFee);
        emit LiquidationCall(collateralAsset, debtAsset, user, debtToCover, collateralAmount, msg.sender, receiveAToken);
    }

    // The premium is paid to the suppliers through the liquidity index (all of it: no treasury share here), as Aave v3's
    // cumulateToLiquidityIndex does, so no aToken is minted for it.
    function flashLoanSimple(address receiver, address asset, uint256 amount, uint16 referralCode) external {
        uint256 premium = amount * 5 / 10000;
        ReserveData storage d = _updateState(asset);
        uint256 totalLiquidity = MockToken(d.aTokenAddress).totalSupply();
        uint256 share = (premium * 1e9).rayDiv(totalLiquidity * 1e9);
        d.liquidityIndex = uint128((share + RayMath.RAY).rayMul(d.liquidityIndex));
        _emitUpdated(asset);
        emit FlashLoan(receiver, msg.sender, asset, amount, 0, premium, referralCode);
    }

    // Mints the treasury's share as Aave v3's mintToTreasury does: at the income index of the moment, without updating the
    // reserve's state. The mock accrues no reserve factor, so the test names the amount.
    function mintToTreasury(address asset, address treasury, uint256 amount) external {
        MockToken(_data[asset].aTokenAddress).mint(treasury, amount, getReserveNormalizedIncome(asset));
        emit MintedToTreasury(asset, amount);
    }

    // An aToken transfer between holders, which moves no liquidity.
    function transferATokens(address asset, address from, address to, uint256 amount) external {
        MockToken(_data[asset].aTokenAddress).move(from, to, amount);
    }

    // Lets a test break the pool's totals without an event, so reconciliation has a drift to report (delta in underlying units).
    function skewSupply(address asset, int256 delta) external {
        uint256 index = getReserveNormalizedIncome(asset);
        int256 scaled = delta < 0 ? -int256(uint256(-delta).rayDiv(index)) : int256(uint256(delta).rayDiv(index));
        MockToken(_data[asset].aTokenAddress).skew(scaled);
    }

    // Aave v3's updateState: the liquidity index grows only while the liquidity rate is not zero, the borrow index only while
    // there is debt; both are then stamped with this block's time.
    function _updateState(address asset) private returns (ReserveData storage d) {
        d = _data[asset];
        require(d.aTokenAddress != address(0), "unknown reserve");
        uint256 elapsed = block.timestamp - d.lastUpdateTimestamp;
        if (elapsed == 0) return d;
        if (d.currentLiquidityRate != 0)
            d.liquidityIndex = uint128(RayMath.linearInterest(d.currentLiquidityRate, elapsed).rayMul(d.liquidityIndex));
        if (MockToken(d.variableDebtTokenAddress).scaledTotalSupply() != 0)
            d.variableBorrowIndex = uint128(RayMath.compoundedInterest(d.currentVariableBorrowRate, elapsed).rayMul(d.variableBorrowIndex));
        d.lastUpdateTimestamp = uint40(block.timestamp);
    }

    function _emitUpdated(address asset) private {
        ReserveData storage d = _data[asset];
        emit ReserveDataUpdated(asset, d.currentLiquidityRate, 0, d.currentVariableBorrowRate, d.liquidityIndex, d.variableBorrowIndex);
    }
}
